import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { after, before, test } from "node:test";
import { WebSocket } from "ws";
import { startServe, type ServeSession } from "../src/serve/index.js";
import { listFiles, removeDir } from "./helpers.js";
import { NOW, makeServeSite, rawRequest, statusOf } from "./serve-helpers.js";

let source: string;
let session: ServeSession;
let base: string;

before(async () => {
  source = makeServeSite({ "_config.yml": "title: Test blog\ntimezone: UTC\npermalink: /:year/:month/:day/:title/\nbaseurl: /blog\n", "記事/ページ.md": "---\nlayout: default\n---\n日本語のページ\n", "plain.md": "---\nlayout: default\npermalink: /plain.html\n---\nPlain.\n" });
  session = await startServe({ build: { source }, port: 0, watch: false, now: () => NOW });
  base = `http://127.0.0.1:${session.server.port}`;
});

after(async () => {
  await session.close();
  removeDir(source);
});

async function get(url: string, init?: RequestInit): Promise<{ status: number; type: string; text: string; headers: Headers }> {
  const response = await fetch(`${base}${url}`, { redirect: "manual", ...init });
  return { status: response.status, type: response.headers.get("content-type") ?? "", text: await response.text(), headers: response.headers };
}

test("serves the built site from memory under the base URL, with content types, index files and no caching", async () => {
  assert.equal(session.server.url, `${base}/blog/`);
  const home = await get("/blog/");
  assert.equal(home.status, 200);
  assert.equal(home.type, "text/html; charset=utf-8");
  assert.match(home.text, /<a href="\/2026\/01\/02\/second\/">Second post<\/a>/);
  assert.match(home.headers.get("cache-control") ?? "", /no-store/);
  assert.equal(home.headers.get("x-content-type-options"), "nosniff");
  const post = await get("/blog/2026/01/02/second/");
  assert.match(post.text, /<h1>Second post<\/h1>/);
  const css = await get("/blog/assets/site.css");
  assert.equal(css.type, "text/css; charset=utf-8");
  assert.equal(css.text, "body { color: black; }\n", "non-HTML files are served exactly as built");
  assert.equal((await get("/blog/assets/logo.svg")).type, "image/svg+xml");
  assert.match((await get("/blog/%E8%A8%98%E4%BA%8B/%E3%83%9A%E3%83%BC%E3%82%B8/")).text, /日本語のページ/, "Unicode paths, percent-encoded");
  assert.equal((await get("/blog/plain.html")).status, 200);
  assert.match((await get("/blog/plain")).text, /Plain\./, "the .html fallback, as Jekyll's servlet");
  const head = await fetch(`${base}/blog/`, { method: "HEAD" });
  assert.equal(head.status, 200);
  assert.equal(await head.text(), "");
});

test("folders redirect to their slash form; the base URL itself and / redirect into the site", async () => {
  const folder = await get("/blog/2026/01/02/second?x=1");
  assert.equal(folder.status, 301);
  assert.equal(folder.headers.get("location"), "/blog/2026/01/02/second/?x=1");
  assert.equal((await get("/blog/%E8%A8%98%E4%BA%8B/%E3%83%9A%E3%83%BC%E3%82%B8")).headers.get("location"), "/blog/%E8%A8%98%E4%BA%8B/%E3%83%9A%E3%83%BC%E3%82%B8/");
  assert.equal((await get("/blog")).headers.get("location"), "/blog/");
  assert.equal((await get("/")).headers.get("location"), "/blog/");
  assert.equal((await get("/other/")).status, 404, "outside the base URL");
});

test("missing pages get the site's 404.html with status 404", async () => {
  const missing = await get("/blog/no/such/page/");
  assert.equal(missing.status, 404);
  assert.match(missing.text, /This page does not exist\./);
  assert.equal((await get("/blog/__kiji/client.js")).status, 404, "the client lives outside the site");
});

test("the live-reload script goes into HTML responses only, never into the built files", async () => {
  const home = await get("/blog/");
  assert.equal(home.text.match(/<script src="\/__kiji\/client\.js\?v=[\w.]+" defer><\/script><\/head>/g)?.length, 1);
  assert.equal(session.site.memory.get("index.html")?.toString().includes("__kiji"), false, "the in-memory site has no script");
  assert.ok(!(await get("/blog/assets/site.css")).text.includes("__kiji"));
  assert.ok(!listFiles(source).some((file) => file.startsWith("_site/")), "serve writes nothing to disk");
  const client = await get("/__kiji/client.js");
  assert.equal(client.status, 200);
  assert.equal(client.type, "text/javascript; charset=utf-8");
  assert.match(client.text, /new WebSocket/);
});

test("only GET and HEAD are answered", async () => {
  const post = await get("/blog/", { method: "POST", body: "x" });
  assert.equal(post.status, 405);
  assert.equal(post.headers.get("allow"), "GET, HEAD");
});

// Raw request lines: fetch and URL would normalise `..` away before the server saw it.
const TRAVERSALS: ReadonlyArray<[string, number]> = [
  ["/../../../../etc/passwd", 400],
  ["/blog/../../etc/passwd", 400],
  ["/blog/..", 400],
  ["/blog/./index.html", 400],
  ["/blog/%2e%2e/%2e%2e/etc/passwd", 400],
  ["/blog/%2E%2E/_config.yml", 400],
  ["/blog/.%2e/_config.yml", 400],
  ["/blog/%2e%2e%2f%2e%2e%2fetc%2fpasswd", 400],
  ["/blog/..%2f..%2fetc%2fpasswd", 400],
  ["/blog/..%5c..%5cetc%5cpasswd", 400],
  ["/blog/..\\..\\etc\\passwd", 400],
  ["/blog\\..\\_config.yml", 400],
  ["/blog/index.html%00.css", 400],
  ["/blog/%00", 400],
  ["/blog/%c0%ae%c0%ae/etc/passwd", 400],
  ["/blog/%e0%80%ae%e0%80%ae/etc/passwd", 400],
  ["/blog/%252e%252e/_config.yml", 404],
  ["/blog//etc/passwd", 400],
  ["//etc/passwd", 400],
  ["/blog/_config.yml", 404],
  ["/blog/_posts/2026-01-01-first.md", 404],
  [`/blog/${"a/".repeat(1100)}`, 414],
  ["http://evil.example/blog/", 400],
  ["*", 400],
];

test("traversal attempts over a raw socket never reach a file outside the output", async () => {
  const config = readFileSync(path.join(source, "_config.yml"), "latin1");
  for (const [target, status] of TRAVERSALS) {
    const response = await rawRequest(session.server.port, `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
    assert.equal(statusOf(response), status, `GET ${target.slice(0, 60)}`);
    assert.ok(!response.includes("root:") && !response.includes(config.trim()), `GET ${target.slice(0, 60)} leaks nothing`);
  }
  assert.equal(statusOf(await rawRequest(session.server.port, "GET /blog/ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")), 200, "still serving");
});

test("requests for other host names are refused (DNS rebinding)", async () => {
  const port = session.server.port;
  const status = async (host: string | undefined): Promise<number> =>
    statusOf(await rawRequest(port, `GET /blog/ HTTP/1.1\r\n${host === undefined ? "" : `Host: ${host}\r\n`}Connection: close\r\n\r\n`));
  for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, "localhost", `[::1]:${port}`, "app.localhost", "192.168.1.20:4000"]) assert.equal(await status(host), 200, host);
  for (const host of [`evil.example:${port}`, "evil.example", "127.0.0.1.nip.io", "localhost.evil.example", "user@localhost", "localhost:80/x"]) assert.equal(await status(host), 403, host);
  assert.equal(statusOf(await rawRequest(port, "GET /blog/ HTTP/1.0\r\n\r\n")), 403, "no Host header at all");
});

function openSocket(url: string, origin: string | undefined): Promise<{ ok: true; hello: Record<string, unknown>; socket: WebSocket } | { ok: false; status: number }> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url, origin === undefined ? {} : { origin });
    socket.once("message", (data) => resolve({ ok: true, hello: JSON.parse(String(data)) as Record<string, unknown>, socket }));
    socket.once("unexpected-response", (_request, response) => resolve({ ok: false, status: response.statusCode ?? 0 }));
    socket.once("error", () => resolve({ ok: false, status: 0 }));
  });
}

test("the live-reload WebSocket accepts this server's pages only (Origin and Host checked)", async () => {
  const port = session.server.port;
  const url = `ws://127.0.0.1:${port}/__kiji/ws`;
  const good = await openSocket(url, `http://127.0.0.1:${port}`);
  assert.ok(good.ok);
  assert.equal(good.hello.type, "hello");
  assert.equal(good.hello.version, session.site.version);
  good.socket.close();
  assert.ok((await openSocket(url, `http://localhost:${port}`)).ok);
  for (const origin of ["http://evil.example", `http://evil.example:${port}`, "null", `https://127.0.0.1:${port}`, `http://127.0.0.1:${port + 1}`, undefined]) {
    const refused = await openSocket(url, origin);
    assert.deepEqual(refused, { ok: false, status: 403 }, `Origin ${origin}`);
  }
  assert.deepEqual(await openSocket(`ws://127.0.0.1:${port}/blog/`, `http://127.0.0.1:${port}`), { ok: false, status: 403 }, "wrong path");
  const rebinding = await rawRequest(port, `GET /__kiji/ws HTTP/1.1\r\nHost: evil.example:${port}\r\nOrigin: http://evil.example:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n`);
  assert.equal(statusOf(rebinding), 403);
});

test("an edit reaches open tabs as an update naming the changed pages", async () => {
  const port = session.server.port;
  const opened = await openSocket(`ws://127.0.0.1:${port}/__kiji/ws`, `http://127.0.0.1:${port}`);
  assert.ok(opened.ok);
  const received = new Promise<Record<string, unknown>>((resolve) => opened.socket.once("message", (data) => resolve(JSON.parse(String(data)) as Record<string, unknown>)));
  const post = path.join(source, "_posts/2026-01-03-third.md");
  writeFileSync(post, "---\nlayout: post\ntitle: Third post\n---\nThe third post, edited.\n");
  await session.site.rebuild([post]);
  const update = await received;
  assert.equal(update.type, "update");
  assert.deepEqual(update.pages, ["/blog/2026/01/03/third/index.html", "/blog/2026/01/03/third/"]);
  assert.match((await get("/blog/2026/01/03/third/")).text, /The third post, edited\./);
  opened.socket.close();
});

test("malformed requests get 400 and never stop the server", async () => {
  const port = session.server.port;
  const garbage = ["\x00\x01\x02\r\n\r\n", "GET\r\n\r\n", "GET / HTTP/9.9\r\n\r\n", "GET /blog/ HTTP/1.1\r\nHost: 127.0.0.1\r\nBad Header\r\n\r\n", `GET /blog/ HTTP/1.1\r\nHost: 127.0.0.1\r\nX: ${"a".repeat(20_000)}\r\n\r\n`, "GET /blog/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: -1\r\n\r\n", "GET /blog/ HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n"];
  for (const request of garbage) {
    assert.equal(statusOf(await rawRequest(port, request, 2000)), 400, JSON.stringify(request.slice(0, 40)));
  }
  assert.equal((await get("/blog/")).status, 200, "still serving");
});
