import http, { type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";
import { KijiError, messages } from "../shared/index.js";
import { SOCKET_PATH } from "./client-script.js";
import type { DevSite, LiveMessage } from "./dev-site.js";
import { encodePath, handleRequest, sendText, type RequestContext } from "./handle-request.js";
import { createHostCheck } from "./host-check.js";
import { createLiveReloadHub, type LiveReloadHub } from "./live-reload.js";
import { parseRequestTarget } from "./request-target.js";

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

function formatHost(host: string): string {
  if (host === "0.0.0.0" || host === "::") return "localhost";
  return host.includes(":") ? `[${host}]` : host;
}

/** Takes over a WebSocket upgrade only for the live-reload path, from this server's own pages. */
function acceptUpgrade(context: RequestContext, hub: LiveReloadHub, req: IncomingMessage, socket: Duplex, head: Buffer): void {
  socket.on("error", () => socket.destroy());
  const { hostCheck, site } = context;
  const target = parseRequestTarget(req.url);
  const isAllowed = context.livereload && target.ok && target.path === SOCKET_PATH && hostCheck.isAllowedHost(req.headers.host) && hostCheck.isAllowedOrigin(req.headers.origin);
  if (!isAllowed) {
    socket.end("HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
    return;
  }
  hub.accept(req, socket, head, () => ({ version: site.version, error: site.errorMessage?.type === "error" ? site.errorMessage.error : undefined }));
}

/** The node:http server with its limits; request failures go to `onError` and never stop it. */
function createHttpServer(context: RequestContext, hub: LiveReloadHub, limits: ServerLimits, onError?: (error: unknown) => void): http.Server {
  // Node checks header and request deadlines on this interval (30 s by default): keep it short.
  const server = http.createServer({ connectionsCheckingInterval: Math.min(1000, limits.headersTimeoutMs) }, (req, res) => {
    handleRequest(context, req, res).catch((error: unknown) => {
      onError?.(error);
      if (!res.headersSent) sendText(res, 500, "500 Internal Server Error");
      else res.destroy();
    });
  });
  server.headersTimeout = limits.headersTimeoutMs;
  server.requestTimeout = limits.requestTimeoutMs;
  server.keepAliveTimeout = limits.keepAliveTimeoutMs;
  server.maxConnections = limits.maxConnections;
  server.on("upgrade", (req, socket, head) => acceptUpgrade(context, hub, req, socket, head));
  server.on("clientError", (error: NodeJS.ErrnoException, socket) => {
    const status = error.code === "ERR_HTTP_REQUEST_TIMEOUT" ? "408 Request Timeout" : "400 Bad Request";
    if (socket.writable) socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    else socket.destroy();
  });
  return server;
}

/** Starts the HTTP server for a dev site: files from memory, live reload, and nothing outside the output. */
export async function startDevServer(options: DevServerOptions): Promise<DevServer> {
  const { site } = options;
  const host = options.host ?? "127.0.0.1";
  const hub = createLiveReloadHub();
  let port = options.port ?? 4000;
  const baseurl = (): string => (site.config?.baseurl ?? options.baseurl ?? "").replace(/\/+$/, "");
  const context: RequestContext = { site, livereload: options.livereload ?? true, hostCheck: createHostCheck(host, () => port), baseurl };
  const server = createHttpServer(context, hub, { ...DEFAULT_LIMITS, ...options.limits }, options.onError);
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
