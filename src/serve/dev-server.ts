import { promises as fs } from "node:fs";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";
import { KijiError, isInside, messages, resolveInside } from "../shared/index.js";
import { CLIENT_PREFIX, CLIENT_SCRIPT, CLIENT_SCRIPT_PATH, SOCKET_PATH } from "./client-script.js";
import { contentType, isHtmlType } from "./content-types.js";
import type { DevSite, LiveMessage } from "./dev-site.js";
import { errorPage, injectClient } from "./html.js";
import { createHostCheck } from "./host-check.js";
import { createLiveReloadHub } from "./live-reload.js";
import { parseRequestTarget } from "./request-target.js";
import { resolveOutput } from "./resolve-output.js";

/** Time and connection limits, so slow or numerous clients cannot tie the server up. */
export interface ServerLimits {
  /** Time a client has to send its request headers. */
  readonly headersTimeoutMs: number;
  /** Time a client has to send its whole request. */
  readonly requestTimeoutMs: number;
  /** Idle time after which a kept-alive connection is closed. */
  readonly keepAliveTimeoutMs: number;
  /** Open connections at most; more are dropped at once. */
  readonly maxConnections: number;
}

/** Defaults for a server on one's own machine. */
export const DEFAULT_LIMITS: ServerLimits = { headersTimeoutMs: 10_000, requestTimeoutMs: 30_000, keepAliveTimeoutMs: 5_000, maxConnections: 512 };

/** What startDevServer needs. */
export interface DevServerOptions {
  readonly site: DevSite;
  /** Address to bind; default 127.0.0.1. */
  readonly host?: string;
  /** Port; default 4000 (Jekyll's), 0 for any free port. */
  readonly port?: number;
  /** Base URL used until a build has succeeded (afterwards the built config's `baseurl`). */
  readonly baseurl?: string;
  /** Inject the live-reload script into HTML pages; default true. */
  readonly livereload?: boolean;
  readonly limits?: Partial<ServerLimits>;
  /** Where unexpected request errors are reported (they never stop the server). */
  readonly onError?: (error: unknown) => void;
}

/** A running dev server. */
export interface DevServer {
  /** The address to open, with the base URL: `http://127.0.0.1:4000/blog/`. */
  readonly url: string;
  readonly port: number;
  /** Sends a message to every open tab. */
  broadcast(message: LiveMessage): void;
  close(): Promise<void>;
}

const NO_STORE = "no-store, no-cache, must-revalidate, max-age=0";

function sendText(res: ServerResponse, status: number, text: string, headers: http.OutgoingHttpHeaders = {}): void {
  const body = Buffer.from(`${text}\n`);
  res.writeHead(status, { "Content-Type": "text/plain; charset=utf-8", "Content-Length": body.length, "Cache-Control": NO_STORE, "X-Content-Type-Options": "nosniff", ...headers });
  res.end(res.req.method === "HEAD" ? undefined : body);
}

function sendBody(res: ServerResponse, status: number, type: string, body: Uint8Array): void {
  res.writeHead(status, { "Content-Type": type, "Content-Length": body.byteLength, "Cache-Control": NO_STORE, "X-Content-Type-Options": "nosniff" });
  res.end(res.req.method === "HEAD" ? undefined : body);
}

/** A path for a Location header: each segment percent-encoded again. */
function encodePath(decoded: string): string {
  return decoded.split("/").map(encodeURIComponent).join("/");
}

function formatHost(host: string): string {
  if (host === "0.0.0.0" || host === "::") return "localhost";
  return host.includes(":") ? `[${host}]` : host;
}

/** Starts the HTTP server for a dev site: files from memory, live reload, and nothing outside the output. */
export async function startDevServer(options: DevServerOptions): Promise<DevServer> {
  const { site } = options;
  const host = options.host ?? "127.0.0.1";
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const livereload = options.livereload ?? true;
  const hub = createLiveReloadHub();
  let port = options.port ?? 4000;
  const hostCheck = createHostCheck(host, () => port);
  const baseurl = (): string => (site.config?.baseurl ?? options.baseurl ?? "").replace(/\/+$/, "");

  async function readOutput(file: string): Promise<Uint8Array | undefined> {
    const value = site.memory.get(file);
    if (value === undefined) return undefined;
    if (typeof value === "string") return Buffer.from(value);
    if (value instanceof Uint8Array) return value;
    // Copied static files are read from the source on request; they must lie inside it.
    const source = site.config?.source;
    if (source === undefined || !isInside(source, value.copyFrom)) return undefined;
    return fs.readFile(value.copyFrom).catch(() => undefined);
  }

  async function sendOutput(res: ServerResponse, file: string, status: number): Promise<boolean> {
    resolveInside("/", file, "output path");
    const body = await readOutput(file);
    if (body === undefined) return false;
    const type = contentType(file);
    const html = livereload && isHtmlType(type) ? Buffer.from(injectClient(Buffer.from(body).toString("utf8"), site.version)) : body;
    sendBody(res, status, type, html);
    return true;
  }

  async function sendMissing(res: ServerResponse): Promise<void> {
    if (site.error !== undefined && site.memory.size === 0) {
      const page = errorPage(site.error, livereload ? site.version : undefined);
      sendBody(res, 500, "text/html; charset=utf-8", Buffer.from(page));
      return;
    }
    // Jekyll's server looks for 404.html; under a "pretty" permalink style the page is 404/index.html.
    for (const file of ["404.html", "404/index.html"]) if (site.memory.has(file) && (await sendOutput(res, file, 404))) return;
    sendText(res, 404, "404 Not Found");
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!hostCheck.isAllowedHost(req.headers.host)) return sendText(res, 403, `403 Forbidden: ${messages.serveHostRejected(String(req.headers.host ?? "")).hint}`);
    if (req.method !== "GET" && req.method !== "HEAD") return sendText(res, 405, "405 Method Not Allowed", { Allow: "GET, HEAD" });
    const target = parseRequestTarget(req.url);
    if (!target.ok) return sendText(res, target.status, `${target.status} Bad Request: ${target.reason}`);
    if (target.path === CLIENT_SCRIPT_PATH && livereload) return sendBody(res, 200, "text/javascript; charset=utf-8", Buffer.from(CLIENT_SCRIPT));
    if (target.path.startsWith(CLIENT_PREFIX)) return sendText(res, 404, "404 Not Found");
    const base = baseurl();
    if (base !== "" && target.path !== base && !target.path.startsWith(`${base}/`)) {
      if (target.path === "/") return sendText(res, 302, `The site is served under ${base}/`, { Location: `${encodePath(base)}/` });
      return sendMissing(res);
    }
    const redirect = (to: string): void => sendText(res, 301, "301 Moved Permanently", { Location: `${encodePath(to)}${target.query}` });
    if (target.path === base) return redirect(`${base}/`);
    const match = resolveOutput(site.memory, target.path.slice(base.length));
    if (match.kind === "redirect") return redirect(`${base}${match.location}`);
    if (match.kind === "file" && (await sendOutput(res, match.file, 200))) return;
    return sendMissing(res);
  }

  function upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    socket.on("error", () => socket.destroy());
    const target = parseRequestTarget(req.url);
    const isAllowed = livereload && target.ok && target.path === SOCKET_PATH && hostCheck.isAllowedHost(req.headers.host) && hostCheck.isAllowedOrigin(req.headers.origin);
    if (!isAllowed) {
      socket.end("HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
      return;
    }
    hub.accept(req, socket, head, () => ({ version: site.version, error: site.errorMessage?.type === "error" ? site.errorMessage.error : undefined }));
  }

  // Node checks header and request deadlines on this interval (30 s by default): keep it short.
  const server = http.createServer({ connectionsCheckingInterval: Math.min(1000, limits.headersTimeoutMs) }, (req, res) => {
    handle(req, res).catch((error: unknown) => {
      options.onError?.(error);
      if (!res.headersSent) sendText(res, 500, "500 Internal Server Error");
      else res.destroy();
    });
  });
  server.headersTimeout = limits.headersTimeoutMs;
  server.requestTimeout = limits.requestTimeoutMs;
  server.keepAliveTimeout = limits.keepAliveTimeoutMs;
  server.maxConnections = limits.maxConnections;
  server.on("upgrade", upgrade);
  server.on("clientError", (error: NodeJS.ErrnoException, socket) => {
    const status = error.code === "ERR_HTTP_REQUEST_TIMEOUT" ? "408 Request Timeout" : "400 Bad Request";
    if (socket.writable) socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    else socket.destroy();
  });

  await listen(server, host, port);
  port = (server.address() as AddressInfo).port;
  return {
    get url() {
      return `http://${formatHost(host)}:${port}${encodePath(baseurl())}/`;
    },
    port,
    broadcast: (message) => hub.broadcast(message),
    close: () => {
      hub.close();
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

function listen(server: http.Server, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException): void => {
      const message = error.code === "EADDRINUSE" ? messages.servePortInUse(host, port) : messages.serveListenFailed(host, port, error.message);
      reject(new KijiError(message.message, { hint: message.hint, cause: error }));
    };
    server.once("error", onError);
    server.listen(port, host, () => {
      server.off("error", onError);
      resolve();
    });
  });
}
