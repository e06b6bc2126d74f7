import { readFileSync } from "node:fs";
import net from "node:net";
import { build, createBuildCache, type MemorySite } from "../src/build/index.js";
import type { ConfigOverrides } from "../src/config/index.js";
import { makeSite } from "./helpers.js";

/** A fixed build time, so a dev-site build and a clean build can be compared byte for byte. */
export const NOW = Date.UTC(2026, 2, 1, 12, 0, 0);

/** A small blog: layouts, an include reading _data, posts, a home page, a 404 page, CSS. */
export function makeServeSite(extra: Readonly<Record<string, string>> = {}): string {
  return makeSite({
    "_config.yml": "title: Test blog\ntimezone: UTC\npermalink: /:year/:month/:day/:title/\n",
    "_layouts/default.html": "<!DOCTYPE html>\n<html><head><title>{{ page.title }}</title><link rel=\"stylesheet\" href=\"{{ '/assets/site.css' | relative_url }}\"></head>\n<body>{% include \"nav.html\" %}<main>{{ content }}</main></body></html>\n",
    "_layouts/post.html": "---\nlayout: default\n---\n<article><h1>{{ page.title }}</h1>{{ content }}</article>\n{% if page.next %}<a class=\"next\" href=\"{{ page.next.url }}\">{{ page.next.title }}</a>{% endif %}\n",
    "_includes/nav.html": "<nav>{% for item in site.data.nav %}<a href=\"{{ item.url }}\">{{ item.title }}</a>{% endfor %}</nav>",
    "_data/nav.yml": "- title: Home\n  url: /\n- title: About\n  url: /about/\n",
    "_posts/2026-01-01-first.md": "---\nlayout: post\ntitle: First post\n---\nHello from the **first** post.\n",
    "_posts/2026-01-02-second.md": "---\nlayout: post\ntitle: Second post\n---\nThe second post.\n",
    "_posts/2026-01-03-third.md": "---\nlayout: post\ntitle: Third post\n---\nThe third post.\n",
    "index.html": "---\nlayout: default\ntitle: Home\n---\n<ul>{% for post in site.posts %}<li><a href=\"{{ post.url }}\">{{ post.title }}</a></li>{% endfor %}</ul>\n",
    "about.md": "---\nlayout: default\ntitle: About\npermalink: /about/\n---\nAbout this blog.\n",
    "404.html": "---\nlayout: default\ntitle: Not found\npermalink: /404.html\n---\n<p class=\"missing\">This page does not exist.</p>\n",
    "assets/site.css": "body { color: black; }\n",
    "assets/logo.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n",
    ...extra,
  });
}

/** Every file of an in-memory site with its bytes (copied files read from the source), sorted by path. */
export function materialize(site: MemorySite): Array<[string, Buffer]> {
  return [...site.entries()]
    .map(([file, value]): [string, Buffer] => {
      if (typeof value === "string") return [file, Buffer.from(value)];
      if (value instanceof Uint8Array) return [file, Buffer.from(value)];
      return [file, readFileSync(value.copyFrom)];
    })
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** A clean build of `source` (with command-line `overrides`) into a fresh memory site, with empty caches. */
export async function cleanBuild(source: string, overrides: ConfigOverrides = {}): Promise<MemorySite> {
  const memory: MemorySite = new Map();
  await build({ source, overrides, memory, cache: createBuildCache(), now: NOW });
  return memory;
}

/**
 * Sends `request` byte for byte over a new socket to 127.0.0.1:`port` and returns everything
 * the server answers until it closes the connection (or `timeoutMs` passes).
 */
export function rawRequest(port: number, request: string | Buffer, timeoutMs = 5000): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      resolve(Buffer.concat(chunks).toString("latin1"));
    }, timeoutMs);
    socket.on("connect", () => socket.write(request));
    socket.on("data", (chunk) => chunks.push(chunk));
    socket.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    socket.on("close", () => {
      clearTimeout(timer);
      resolve(Buffer.concat(chunks).toString("latin1"));
    });
  });
}

/** The status code of a raw HTTP response ("" when there is none). */
export function statusOf(response: string): number {
  return Number(/^HTTP\/1\.[01] (\d{3})/.exec(response)?.[1] ?? 0);
}

/** Polls `check` every 20 ms until it returns true or `timeoutMs` passes. */
export async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 5000, what = "condition"): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
