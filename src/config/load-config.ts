import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { KijiError, messages, parseYaml, wrapError } from "../shared/index.js";
import type { ResolvedConfig } from "./resolved-config.js";
import { resolveConfig, type ConfigLayer } from "./resolve-config.js";

/** Settings given on the command line; they win over every file. */
export interface ConfigOverrides {
  readonly destination?: string;
  readonly future?: boolean;
  readonly show_drafts?: boolean;
  readonly unpublished?: boolean;
  readonly baseurl?: string;
}

/** What loadConfig needs. */
export interface LoadConfigOptions {
  /** Site source folder (absolute or relative to the working directory). */
  readonly source: string;
  /** Explicit config files (`--config a.yml,b.ts`), relative to the working directory; default: look in the source. */
  readonly configFiles?: readonly string[];
  readonly overrides?: ConfigOverrides;
}

const TS_CONFIG_NAMES = ["site.config.ts", "site.config.mjs", "site.config.js"];
const YAML_CONFIG_NAMES = ["_config.yml", "_config.yaml"];

function readYamlConfig(file: string, label: string): Record<string, unknown> {
  const text = readFileSync(file, "utf8").replace(/^\uFEFF/, "");
  const data = parseYaml(text, { file: label, fileText: text });
  if (data === null || data === undefined) return {};
  if (typeof data !== "object" || Array.isArray(data)) {
    throw new KijiError(messages.frontMatterNotMapping(Array.isArray(data) ? "list" : typeof data).message, { file: label });
  }
  return stringifyTimestamps(data as Record<string, unknown>);
}

/** Config values are plain data: YAML timestamps become their text. */
function stringifyTimestamps(data: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(data)) as Record<string, unknown>;
}

async function readScriptConfig(file: string, label: string): Promise<Record<string, unknown>> {
  try {
    // Loaded only when a site has a script config; jiti caches the transpiled file on disk.
    const { createJiti } = await import("jiti");
    const jiti = createJiti(import.meta.url, { moduleCache: false, fsCache: true });
    const module = (await jiti.import(pathToFileURL(file).href)) as { default?: unknown; config?: unknown };
    const value = module.default ?? module.config ?? module;
    if (typeof value !== "object" || value === null) {
      throw new KijiError("site.config.ts must export its configuration as the default export", { file: label });
    }
    return value as Record<string, unknown>;
  } catch (error) {
    throw wrapError(error, { file: label }, "cannot load config");
  }
}

async function readConfigFile(file: string, label: string): Promise<ConfigLayer> {
  if (/\.(ya?ml)$/i.test(file)) return { values: readYamlConfig(file, label), origin: label, allowCustomKeys: true };
  if (/\.json$/i.test(file)) {
    return { values: JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>, origin: label, allowCustomKeys: true };
  }
  return { values: await readScriptConfig(file, label), origin: label, allowCustomKeys: false };
}

/**
 * Reads the site's configuration: defaults < `_config.yml` < `site.config.ts` < command line.
 * With explicit `configFiles` only those are read, in order (later wins), as Jekyll's `--config`.
 */
export async function loadConfig(options: LoadConfigOptions): Promise<ResolvedConfig> {
  const source = path.resolve(options.source);
  const files: Array<{ file: string; label: string }> = [];
  if (options.configFiles && options.configFiles.length > 0) {
    for (const name of options.configFiles) {
      const file = path.resolve(name);
      if (!existsSync(file)) throw new KijiError(messages.configMissing(name).message);
      files.push({ file, label: path.relative(source, file) || name });
    }
  } else {
    const yaml = YAML_CONFIG_NAMES.find((name) => existsSync(path.join(source, name)));
    if (yaml) files.push({ file: path.join(source, yaml), label: yaml });
    const script = TS_CONFIG_NAMES.find((name) => existsSync(path.join(source, name)));
    if (script) files.push({ file: path.join(source, script), label: script });
  }
  const layers: ConfigLayer[] = [];
  for (const { file, label } of files) layers.push(await readConfigFile(file, label));
  const overrides = Object.fromEntries(
    Object.entries(options.overrides ?? {}).filter(([, value]) => value !== undefined),
  );
  if (typeof overrides.destination === "string") overrides.destination = path.resolve(overrides.destination);
  layers.push({ values: overrides, origin: "command line", allowCustomKeys: false });
  return resolveConfig(source, layers, files.map((f) => f.label));
}
