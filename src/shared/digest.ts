import { createHash } from "node:crypto";

/** A short, stable content digest (SHA-256, hex, 32 characters) for cache keys. */
export function digest(...parts: ReadonlyArray<string | Uint8Array>): string {
  const hash = createHash("sha256");
  for (const part of parts) {
    hash.update(part);
    hash.update("\0");
  }
  return hash.digest("hex").slice(0, 32);
}
