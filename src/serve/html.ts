import { formatError } from "../shared/index.js";
import { CLIENT_SCRIPT_PATH } from "./client-script.js";

/** The tag that loads the live-reload client for a page built as site `version`. */
export function clientTag(version: string): string {
  return `<script src="${CLIENT_SCRIPT_PATH}?v=${encodeURIComponent(version)}" defer></script>`;
}

/**
 * Adds the live-reload script to an HTML response (never to the built file): before `</head>`,
 * else before the last `</body>`, else at the end.
 */
export function injectClient(html: string, version: string): string {
  const tag = clientTag(version);
  const head = html.search(/<\/head\s*>/i);
  if (head !== -1) return `${html.slice(0, head)}${tag}${html.slice(head)}`;
  const body = html.toLowerCase().lastIndexOf("</body");
  if (body !== -1) return `${html.slice(0, body)}${tag}${html.slice(body)}`;
  return `${html}${tag}`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** The page served while no build has succeeded yet: the error as text, and the overlay when live reload is on. */
export function errorPage(error: unknown, version: string | undefined): string {
  const script = version === undefined ? "" : clientTag(version);
  return `<!DOCTYPE html>
<html><head><meta charset="utf-8"><meta name="kiji-error-page" content=""><title>kiji: build failed</title>${script}</head>
<body><h1>kiji: the build failed</h1><pre>${escapeHtml(formatError(error))}</pre>
<p>Fix the file and save; this page updates by itself.</p></body></html>
`;
}
