import { promises as fs } from "node:fs";
import type http from "node:http";
import path from "node:path";
import type { IncomingMessage, ServerResponse } from "node:http";
import { messages, resolveInside, resolveInsideReal } from "../shared/index.js";
import { CLIENT_PREFIX, CLIENT_SCRIPT, CLIENT_SCRIPT_PATH } from "./client-script.js";
import { contentType, isHtmlType } from "./content-types.js";
import type { DevSite } from "./dev-site.js";
import { errorPage, injectClient } from "./html.js";
import type { HostCheck } from "./host-check.js";
import { parseRequestTarget } from "./request-target.js";
import { resolveOutput } from "./resolve-output.js";

/** What answering a request needs to know about the server. */
export interface RequestContext {
  readonly site: DevSite;
  /** Inject the live-reload script into HTML pages. */
  readonly livereload: boolean;
  readonly hostCheck: HostCheck;
  /** The base URL the site is served under now ("" or "/blog"). */
  baseurl(): string;
}

const NO_STORE = "no-store, no-cache, must-revalidate, max-age=0";

/** A short plain-text answer (errors, redirects), never cached. */
export function sendText(res: ServerResponse, status: number, text: string, headers: http.OutgoingHttpHeaders = {}): void {
  const body = Buffer.from(`${text}\n`);
  res.writeHead(status, { "Content-Type": "text/plain; charset=utf-8", "Content-Length": body.length, "Cache-Control": NO_STORE, "X-Content-Type-Options": "nosniff", ...headers });
  res.end(res.req.method === "HEAD" ? undefined : body);
}

function sendBody(res: ServerResponse, status: number, type: string, body: Uint8Array): void {
  res.writeHead(status, { "Content-Type": type, "Content-Length": body.byteLength, "Cache-Control": NO_STORE, "X-Content-Type-Options": "nosniff" });
  res.end(res.req.method === "HEAD" ? undefined : body);
}

/** A path for a Location header: each segment percent-encoded again. */
export function encodePath(decoded: string): string {
  return decoded.split("/").map(encodeURIComponent).join("/");
}

async function readOutput(site: DevSite, file: string): Promise<Uint8Array | undefined> {
  const value = site.memory.get(file);
  if (value === undefined) return undefined;
  if (typeof value === "string") return Buffer.from(value);
  if (value instanceof Uint8Array) return value;
  // Copied static files are read from the source on request; they must still lie inside it
  // (a file swapped for a symbolic link since the build is refused like a traversal).
  const source = site.config?.source;
  if (source === undefined) return undefined;
  const contained = await resolveInsideReal(source, path.relative(source, value.copyFrom), "static file").catch(() => undefined);
  return contained === undefined ? undefined : fs.readFile(contained).catch(() => undefined);
}

async function sendOutput(context: RequestContext, res: ServerResponse, file: string, status: number): Promise<boolean> {
  resolveInside("/", file, "output path");
  const body = await readOutput(context.site, file);
  if (body === undefined) return false;
  const type = contentType(file);
  const isInjected = context.livereload && isHtmlType(type);
  sendBody(res, status, type, isInjected ? Buffer.from(injectClient(Buffer.from(body).toString("utf8"), context.site.version)) : body);
  return true;
}

async function sendMissing(context: RequestContext, res: ServerResponse): Promise<void> {
  const { site } = context;
  if (site.error !== undefined && site.memory.size === 0) {
    const page = errorPage(site.error, context.livereload ? site.version : undefined);
    return sendBody(res, 500, "text/html; charset=utf-8", Buffer.from(page));
  }
  // 404.html, as Jekyll's server and GitHub Pages answer unknown URLs (kiji writes one if the site has none).
  if (!(site.memory.has("404.html") && (await sendOutput(context, res, "404.html", 404)))) sendText(res, 404, "404 Not Found");
}

/** Serves a decoded path from the in-memory site, under the base URL, as Jekyll's servlet does. */
async function serveSitePath(context: RequestContext, res: ServerResponse, target: { path: string; query: string }): Promise<void> {
  const base = context.baseurl();
  if (base !== "" && target.path !== base && !target.path.startsWith(`${base}/`)) {
    if (target.path === "/") return sendText(res, 302, `The site is served under ${base}/`, { Location: `${encodePath(base)}/` });
    return sendMissing(context, res);
  }
  const redirect = (to: string): void => sendText(res, 301, "301 Moved Permanently", { Location: `${encodePath(to)}${target.query}` });
  if (target.path === base) return redirect(`${base}/`);
  const match = resolveOutput(context.site.memory, target.path.slice(base.length));
  if (match.kind === "redirect") return redirect(`${base}${match.location}`);
  if (match.kind === "file" && (await sendOutput(context, res, match.file, 200))) return;
  return sendMissing(context, res);
}

/**
 * Answers one request: the Host must name this server, only GET and HEAD, the raw target must
 * parse (no traversal), then the live-reload client or a file of the site.
 */
export async function handleRequest(context: RequestContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (!context.hostCheck.isAllowedHost(req.headers.host)) {
    return sendText(res, 403, `403 Forbidden: ${messages.serveHostRejected(String(req.headers.host ?? "")).hint}`);
  }
  if (req.method !== "GET" && req.method !== "HEAD") return sendText(res, 405, "405 Method Not Allowed", { Allow: "GET, HEAD" });
  const target = parseRequestTarget(req.url);
  if (!target.ok) return sendText(res, target.status, `${target.status} Bad Request: ${target.reason}`);
  if (target.path === CLIENT_SCRIPT_PATH && context.livereload) return sendBody(res, 200, "text/javascript; charset=utf-8", Buffer.from(CLIENT_SCRIPT));
  if (target.path.startsWith(CLIENT_PREFIX)) return sendText(res, 404, "404 Not Found");
  return serveSitePath(context, res, target);
}
