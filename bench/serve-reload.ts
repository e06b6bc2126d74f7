import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import type { Duplex } from "node:stream";
import { summariseRuns, type ScenarioResult } from "./bench-result.js";
import { editPost, KIJI_BIN, pickEditedPost } from "./run-kiji.js";

/** Where `kiji serve` sends live-reload messages (src/serve/client-script.ts). */
const SOCKET_PATH = "/__kiji/ws";

/** True when this checkout's kiji has a `serve` command. */
export function hasServe(): boolean {
  const help = spawnSync(process.execPath, [KIJI_BIN, "--help"], { encoding: "utf8" });
  return /^\s+serve\b/m.test(help.stdout);
}

/** Reads the WebSocket frames a server sends (unmasked, unfragmented text) and passes on their text. */
function readFrames(socket: Duplex, head: Buffer, onText: (text: string) => void): void {
  let pending = head;
  const drain = (): void => {
    while (pending.length >= 2) {
      const short = pending[1]! & 0x7f;
      const offset = short === 126 ? 4 : short === 127 ? 10 : 2;
      if (pending.length < offset) return;
      const length = short === 126 ? pending.readUInt16BE(2) : short === 127 ? Number(pending.readBigUInt64BE(2)) : short;
      if (pending.length < offset + length) return;
      if ((pending[0]! & 0x0f) === 1) onText(pending.subarray(offset, offset + length).toString("utf8"));
      pending = pending.subarray(offset + length);
    }
  };
  socket.on("data", (chunk: Buffer) => {
    pending = Buffer.concat([pending, chunk]);
    drain();
  });
  drain();
}

/** Opens the live-reload socket as the page's script would (same Origin) and passes on each JSON message. */
/** The live-reload messages the benchmark reads (src/serve/dev-site.ts has the full type). */
interface LiveMessage {
  readonly type?: string;
  readonly pages?: readonly string[];
}

function openLiveSocket(base: URL, onMessage: (message: LiveMessage) => void): Promise<Duplex> {
  return new Promise((resolve, reject) => {
    const request = http.request({
      host: base.hostname,
      port: base.port,
      path: SOCKET_PATH,
      headers: { Connection: "Upgrade", Upgrade: "websocket", "Sec-WebSocket-Version": "13", "Sec-WebSocket-Key": randomBytes(16).toString("base64"), Origin: base.origin },
    });
    request.once("upgrade", (_response, socket, head) => {
      readFrames(socket, head, (text) => onMessage(JSON.parse(text) as LiveMessage));
      resolve(socket);
    });
    request.once("response", (response) => reject(new Error(`the live-reload socket answered HTTP ${response.statusCode}`)));
    request.once("error", reject);
    request.end();
  });
}

function waitFor<T>(what: string, timeoutMs: number, subscribe: (done: (value: T) => void) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${what} after ${timeoutMs / 1000} s`)), timeoutMs);
    subscribe((value) => {
      clearTimeout(timer);
      resolve(value);
    });
  });
}

/** Peak RSS of a running process in MB, from /proc (Linux only). */
function peakRssMb(pid: number | undefined): number | undefined {
  const status = `/proc/${pid}/status`;
  if (pid === undefined || !existsSync(status)) return undefined;
  const kb = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync(status, "utf8"))?.[1];
  return kb === undefined ? undefined : Number(kb) / 1024;
}

function startServe(siteDir: string, timeoutMs: number): Promise<{ child: ChildProcess; url: URL }> {
  const child = spawn(process.execPath, [KIJI_BIN, "serve", "--source", siteDir, "--port", "0"], { cwd: siteDir, stdio: ["ignore", "pipe", "pipe"], detached: true });
  let output = "";
  return waitFor<{ child: ChildProcess; url: URL }>(`"serving" line from kiji serve`, timeoutMs, (done) => {
    const onData = (chunk: Buffer): void => {
      output += chunk.toString("utf8");
      const url = /serving (?:at )?(https?:\/\/[^\s;()]+)/.exec(output)?.[1];
      if (url) done({ child, url: new URL(url) });
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
  }).catch((error: unknown) => {
    stopProcess(child);
    throw new Error(`${(error as Error).message}\n${output.slice(-2000)}`);
  });
}

function stopProcess(child: ChildProcess): void {
  if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, "SIGKILL");
}

/** How to measure `kiji serve`'s edit-to-reload time. */
export interface ServeBenchOptions {
  readonly siteDir: string;
  readonly posts: number;
  readonly runs: number;
  readonly timeoutMs: number;
  readonly log: (line: string) => void;
}

/**
 * Starts `kiji serve`, then for each run edits one post and times from the end of the file write
 * to the live-reload `update` message naming that post's page, on the page's WebSocket.
 */
export async function benchServeReload(options: ServeBenchOptions): Promise<ScenarioResult> {
  const edited = pickEditedPost(options.siteDir);
  const original = readFileSync(edited, "utf8");
  // The corpus's permalink is /:year/:month/:day/:title/; the update must name the edited page.
  const pageUrl = path.basename(edited).replace(/^(\d{4})-(\d\d)-(\d\d)-(.+)\.md$/, "/$1/$2/$3/$4/");
  const { child, url } = await startServe(options.siteDir, options.timeoutMs);
  let listener: ((message: LiveMessage) => void) | undefined;
  const socket = await openLiveSocket(url, (message) => listener?.(message));
  const runs: { ms: number; peakRssMb: number | undefined; cpuMs: undefined }[] = [];
  try {
    for (let i = 1; i <= options.runs; i++) {
      await new Promise((resolve) => setTimeout(resolve, 300));
      const message = waitFor<LiveMessage>("live-reload message", 60_000, (done) => (listener = (m) => (m.type === "error" || (m.type === "update" && m.pages?.some((page) => page.startsWith(pageUrl)))) && done(m)));
      editPost(edited, original, i);
      const written = performance.now();
      const received = await message;
      const ms = performance.now() - written;
      if (received.type !== "update") throw new Error(`kiji serve sent ${JSON.stringify(received).slice(0, 500)}`);
      runs.push({ ms, peakRssMb: peakRssMb(child.pid), cpuMs: undefined });
      options.log(`  kiji serve-reload ${options.posts} posts, run ${i}: ${ms.toFixed(0)} ms`);
    }
  } finally {
    listener = undefined;
    socket.destroy();
    stopProcess(child);
    writeFileSync(edited, original);
  }
  return summariseRuns({ tool: "kiji", scenario: "serve-reload", posts: options.posts, tinyPosts: false }, runs);
}
