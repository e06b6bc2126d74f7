import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { digest } from "./digest.js";

/** kiji's version, from its package.json (dist/src/shared → the package root). */
export function kijiVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL("../../../package.json", import.meta.url), "utf8")) as { version: string };
  return pkg.version;
}

/**
 * A digest of the running engine's compiled code and version: part of every cache key, so a
 * changed renderer never serves output cached by an older one, released or not.
 */
export function engineDigest(): string {
  const root = fileURLToPath(new URL("../", import.meta.url));
  const files = readdirSync(root, { recursive: true })
    .map(String)
    .filter((file) => file.endsWith(".js"))
    .sort();
  return digest(kijiVersion(), ...files.flatMap((file) => [file, readFileSync(`${root}/${file}`)]));
}
