import { createHash } from "node:crypto";

/** A short, stable content digest (SHA-256, hex, 32 characters) for cache keys. */
export function digest(...parts: ReadonlyArray<string | Uint8Array>): string {
  return digestAll(parts);
}

/** digest() of parts given as one iterable: a spread of a site's worth of parts (100,000 posts) overflows the call stack. */
export function digestAll(parts: Iterable<string | Uint8Array>): string {
  const hash = createHash("sha256");
  for (const part of parts) {
    hash.update(part);
    hash.update("\0");
  }
  // The first 16 bytes as hex: a slice of the 64-character hex string would keep that string alive (V8 sliced strings), 80 bytes more per key.
  return hash.digest().toString("hex", 0, 16);
}
