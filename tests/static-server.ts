import { readFile, stat } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

const TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8", ".css": "text/css", ".xml": "application/xml", ".png": "image/png",
  ".svg": "image/svg+xml", ".txt": "text/plain", ".json": "application/json",
};

/** A running static server for a built site. */
export interface StaticServer {
  /** Base URL, ending in "/". */
  readonly url: string;
  close(): Promise<void>;
}

/** Serves `root` on 127.0.0.1 as GitHub Pages does: `dir/` → `dir/index.html`, unknown paths → 404.html with status 404. */
export async function serveStatic(root: string): Promise<StaticServer> {
  const server = http.createServer((request, response) => {
    void (async () => {
      const pathname = decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname);
      let file = path.join(root, pathname.endsWith("/") ? `${pathname}index.html` : pathname);
      if (!file.startsWith(root)) file = "";
      const found = file !== "" && (await stat(file).catch(() => undefined))?.isFile();
      const status = found ? 200 : 404;
      const body = await readFile(found ? file : path.join(root, "404.html"));
      response.writeHead(status, { "content-type": TYPES[path.extname(found ? file : "404.html")] ?? "application/octet-stream" });
      response.end(body);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
