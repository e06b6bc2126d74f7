import { readFileSync } from "node:fs";

/** kiji's version, from its package.json (dist/src/shared → the package root). */
export function kijiVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL("../../../package.json", import.meta.url), "utf8")) as { version: string };
  return pkg.version;
}
