import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { test } from "node:test";
import { WebSocket } from "ws";
import { startServe } from "../src/serve/index.js";
import { REPO_ROOT, removeDir, runKiji } from "./helpers.js";
import { NOW, makeServeSite, rawRequest, statusOf, waitFor } from "./serve-helpers.js";

test("many concurrent requests are all answered, and slow clients are cut off in bounded time (127.0.0.1 only)", async () => {
  const source = makeServeSite();
  const session = await startServe({ build: { source }, port: 0, watch: false, now: () => NOW, limits: { headersTimeoutMs: 500, requestTimeoutMs: 1000 } });
  const port = session.server.port;
  try {
    // 400 requests at once, each on its own connection.
    const request = "GET /2026/01/02/second/ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
    const responses = await Promise.all(Array.from({ length: 400 }, () => rawRequest(port, request, 10_000)));
    assert.deepEqual(new Set(responses.map(statusOf)), new Set([200]));
    // 30 clients that send half a request line and then nothing (slowloris).
    const started = Date.now();
    const slow = Array.from({ length: 30 }, () => {
      const socket = net.connect({ host: "127.0.0.1", port });
      socket.on("connect", () => socket.write("GET / HTTP/1.1\r\nHost: 127."));
      socket.on("error", () => {});
      let answer = "";
      socket.on("data", (chunk) => (answer += String(chunk)));
      return new Promise<{ ms: number; answer: string }>((resolve) => socket.on("close", () => resolve({ ms: Date.now() - started, answer })));
    });
    assert.equal(statusOf(await rawRequest(port, request)), 200, "answers while slow clients hang on");
    const closed = await Promise.all(slow);
    const slowest = Math.max(...closed.map(({ ms }) => ms));
    assert.ok(slowest < 8_000, `slow clients closed after ${slowest} ms`);
    assert.deepEqual(new Set(closed.map(({ answer }) => statusOf(answer))), new Set([408]));
    assert.equal(statusOf(await rawRequest(port, request)), 200, "still serving afterwards");
  } finally {
    await session.close();
    removeDir(source);
  }
});

test("a site that fails its first build is served as an error page until the file is fixed", async () => {
  const source = makeServeSite({ "_posts/2026-01-02-second.md": "---\nlayout: post\ntitle: \"unclosed\n---\nx\n" });
  const session = await startServe({ build: { source }, port: 0, watch: false, now: () => NOW });
  try {
    assert.ok(session.initial.error !== undefined);
    const page = await fetch(`http://127.0.0.1:${session.server.port}/`);
    assert.equal(page.status, 500);
    const text = await page.text();
    assert.match(text, /_posts\/2026-01-02-second\.md:\d+:\d+: invalid YAML/);
    assert.match(text, /<script src="\/__kiji\/client\.js\?v=/, "the overlay script is there, to reload once fixed");
    writeFileSync(path.join(source, "_posts/2026-01-02-second.md"), "---\nlayout: post\ntitle: Fixed\n---\nx\n");
    await session.site.rebuild(["_posts/2026-01-02-second.md"]);
    const fixed = await fetch(`http://127.0.0.1:${session.server.port}/2026/01/02/second/`);
    assert.equal(fixed.status, 200);
    assert.match(await fixed.text(), /<h1>Fixed<\/h1>/);
  } finally {
    await session.close();
    removeDir(source);
  }
});

test("the watcher feeds rebuild(): saving a post updates open tabs; editor swap files do not", async () => {
  const source = makeServeSite();
  const rebuilt: string[][] = [];
  const session = await startServe({ build: { source }, port: 0, now: () => NOW, onRebuild: (outcome) => rebuilt.push([...outcome.changed]) });
  const port = session.server.port;
  const socket = new WebSocket(`ws://127.0.0.1:${port}/__kiji/ws`, { origin: `http://127.0.0.1:${port}` });
  const messages: Array<Record<string, unknown>> = [];
  socket.on("message", (data) => messages.push(JSON.parse(String(data)) as Record<string, unknown>));
  try {
    await waitFor(() => messages.length === 1, 5000, "hello");
    writeFileSync(path.join(source, "_posts/.2026-01-01-first.md.swp"), "swap");
    writeFileSync(path.join(source, "_posts/2026-01-01-first.md~"), "backup");
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.deepEqual(rebuilt, [], "swap and backup files start no rebuild");
    // A burst of saves: written three times in a row, one rebuild.
    for (const text of ["One.", "Two.", "Three."]) writeFileSync(path.join(source, "_posts/2026-01-01-first.md"), `---\nlayout: post\ntitle: First post\n---\n${text}\n`);
    await waitFor(() => messages.some((message) => message.type === "update"), 10_000, "an update");
    const update = messages.find((message) => message.type === "update")!;
    assert.ok((update.pages as string[]).includes("/2026/01/01/first/"));
    const page = await (await fetch(`http://127.0.0.1:${port}/2026/01/01/first/`)).text();
    assert.match(page, /Three\./);
  } finally {
    socket.close();
    await session.close();
    removeDir(source);
  }
});

function startKiji(args: readonly string[]): { done: Promise<{ code: number | null; stdout: string; stderr: string }>; stdout: () => string; kill: () => void } {
  const child = spawn(process.execPath, [path.join(REPO_ROOT, "bin/kiji.js"), ...args], { env: { ...process.env, TZ: "UTC" } });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => (stdout += String(chunk)));
  child.stderr.on("data", (chunk) => (stderr += String(chunk)));
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => child.on("close", (code) => resolve({ code, stdout, stderr })));
  const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
  void done.then(() => clearTimeout(timer));
  return { done, stdout: () => stdout, kill: () => child.kill("SIGTERM") };
}

test("kiji serve: builds, prints the address, serves, and stops cleanly on SIGTERM", async () => {
  const source = makeServeSite();
  try {
    const kiji = startKiji(["serve", "-s", source, "-P", "0", "--no-livereload"]);
    await waitFor(() => /serving at (http:\S+)/.test(kiji.stdout()), 15_000, "the address");
    const url = /serving at (http:\S+)/.exec(kiji.stdout())![1]!;
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
    const home = await (await fetch(url)).text();
    assert.match(home, /Second post/);
    assert.ok(!home.includes("__kiji"), "--no-livereload serves pages exactly as built");
    kiji.kill();
    const { code, stdout } = await kiji.done;
    assert.equal(code, 0);
    assert.match(stdout, /^kiji: built 3 posts, 3 pages, 2 static files into memory in \d+\.\d\d s\n/);
  } finally {
    removeDir(source);
  }
});

test("kiji serve --host off this machine warns; a port in use is an error naming it", async () => {
  const source = makeServeSite();
  const blocker = net.createServer().listen(0, "127.0.0.1");
  await new Promise((resolve) => blocker.once("listening", resolve));
  try {
    const busy = (blocker.address() as net.AddressInfo).port;
    const inUse = runKiji(["serve", "-s", source, "-P", String(busy)]);
    assert.equal(inUse.code, 1);
    assert.match(inUse.stderr, new RegExp(`error: cannot serve on 127\\.0\\.0\\.1:${busy}: the port is already in use\\nhint: .*--port`));
    // 192.0.2.1 is TEST-NET-1: never this machine's address, so nothing is exposed and listening fails.
    const exposed = runKiji(["serve", "-s", source, "-H", "192.0.2.1", "-P", "0"]);
    assert.match(exposed.stderr, /warning: --host 192\.0\.2\.1 makes the development server reachable from other machines/);
    assert.equal(exposed.code, 1);
    assert.equal(runKiji(["serve", "-P", "70000"]).code, 2);
    assert.equal(runKiji(["build", "--livereload"]).code, 2);
  } finally {
    blocker.close();
    removeDir(source);
  }
});
