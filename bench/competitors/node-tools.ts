import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { CompetitorContext } from "./competitor.js";

/**
 * The Node competitors, pinned: installed on demand with npm into the git-ignored tools folder,
 * never as kiji's dependencies. Hexo needs its CLI, a Markdown renderer and a layout renderer.
 */
export const NODE_TOOLS: Readonly<Record<string, string>> = {
  "@11ty/eleventy": "3.1.8",
  hexo: "8.1.2",
  "hexo-cli": "4.3.2",
  "hexo-renderer-marked": "7.0.1",
  "hexo-renderer-ejs": "2.0.0",
};

function installedVersion(toolsDir: string, name: string): string | undefined {
  const file = path.join(toolsDir, "node_modules", name, "package.json");
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as { version: string }).version : undefined;
}

/** Installs the pinned tools unless every one is already there at its pinned version. */
function install(context: CompetitorContext): void {
  if (Object.entries(NODE_TOOLS).every(([name, version]) => installedVersion(context.toolsDir, name) === version)) return;
  mkdirSync(context.toolsDir, { recursive: true });
  writeFileSync(path.join(context.toolsDir, "package.json"), `${JSON.stringify({ name: "kiji-bench-competitors", private: true, dependencies: NODE_TOOLS }, null, 2)}\n`);
  context.log(`installing ${Object.entries(NODE_TOOLS).map(([name, version]) => `${name}@${version}`).join(", ")} into ${context.toolsDir}`);
  const result = spawnSync("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error"], { cwd: context.toolsDir, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  if (result.status !== 0) throw new Error(`npm install failed in ${context.toolsDir}:\n${result.stderr.slice(-2000)}`);
}

/** Installs the pinned Node competitors if needed and returns the installed version of `name`. */
export async function prepareNodeTool(name: string, context: CompetitorContext): Promise<string> {
  install(context);
  const version = installedVersion(context.toolsDir, name);
  if (version === undefined) throw new Error(`${name} is missing from ${context.toolsDir}/node_modules`);
  return version;
}

/** Path of a file inside an installed Node tool. */
export function toolPath(context: CompetitorContext, ...parts: string[]): string {
  return path.join(context.toolsDir, "node_modules", ...parts);
}
