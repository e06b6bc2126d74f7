/** URL prefix of the dev server's own endpoints, outside any base URL and never a site path (Jekyll skips `_` names). */
export const CLIENT_PREFIX = "/__kiji/";

/** Where the live-reload script is served. */
export const CLIENT_SCRIPT_PATH = `${CLIENT_PREFIX}client.js`;

/** Where the live-reload WebSocket connects. */
export const SOCKET_PATH = `${CLIENT_PREFIX}ws`;

/**
 * The browser side of live reload, injected into HTML responses only. It connects to the
 * WebSocket, reloads when the page's own output (or an asset) changed, swaps stylesheets in
 * place when only CSS changed, and shows build errors in an overlay. Error text is only ever
 * set with textContent: messages quote user content.
 */
export const CLIENT_SCRIPT = String.raw`(() => {
  "use strict";
  const script = document.currentScript;
  const loaded = new URL(script.src).searchParams.get("v");
  const decode = (p) => { try { return decodeURIComponent(p); } catch { return p; } };
  const here = () => decode(location.pathname);
  let overlay = null;
  let retry = 250;

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  const STYLE = ":host{position:fixed;inset:0;z-index:2147483647;background:rgba(20,20,20,.72);display:flex;align-items:flex-start;justify-content:center;overflow:auto;font:14px/1.5 system-ui,sans-serif}" +
    ".box{margin:6vh 16px;max-width:960px;width:100%;background:#1e1e1e;color:#eee;border-top:6px solid #e5484d;border-radius:6px;padding:20px 24px;box-shadow:0 10px 40px rgba(0,0,0,.5)}" +
    ".title{color:#ff8b8b;font-weight:700;margin:0 0 8px}.where{color:#7cc4fa;font-family:ui-monospace,monospace;margin:0 0 8px}" +
    ".message{font-size:16px;white-space:pre-wrap;margin:0 0 12px}pre{background:#111;color:#ddd;padding:12px;border-radius:4px;overflow:auto;font:13px/1.45 ui-monospace,monospace}" +
    ".hint{color:#c9e7a7;margin:12px 0 0}.foot{color:#999;font-size:12px;margin:16px 0 0}";

  function showError(error) {
    hideError();
    const host = element("kiji-error-overlay");
    const root = host.attachShadow({ mode: "open" });
    root.appendChild(element("style", "", STYLE));
    const box = root.appendChild(element("div", "box"));
    box.setAttribute("role", "alertdialog");
    box.appendChild(element("p", "title", "kiji: the build failed"));
    if (error.file) {
      const where = error.file + (error.line ? ":" + error.line + (error.column ? ":" + error.column : "") : "");
      box.appendChild(element("p", "where", where));
    }
    box.appendChild(element("p", "message", error.message));
    if (error.frame) box.appendChild(element("pre", "frame", error.frame));
    if (error.hint) box.appendChild(element("p", "hint", "hint: " + error.hint));
    box.appendChild(element("p", "foot", "Fix the file and save: this page updates by itself. The last good version of the site is still served. Esc hides this."));
    document.documentElement.appendChild(host);
    overlay = host;
  }

  function hideError() {
    if (overlay) overlay.remove();
    overlay = null;
  }

  function swapStylesheets(paths) {
    const links = [...document.querySelectorAll('link[rel~="stylesheet"][href]')]
      .filter((link) => new URL(link.href, location.href).origin === location.origin);
    const named = links.filter((link) => paths.includes(decode(new URL(link.href, location.href).pathname)));
    // A stylesheet pulled in by @import has no link of its own: refresh every local one.
    for (const link of named.length > 0 ? named : links) {
      const url = new URL(link.href, location.href);
      url.searchParams.set("kiji-reload", String(Date.now()));
      const next = link.cloneNode();
      next.href = url.href;
      const drop = () => link.remove();
      next.addEventListener("load", drop);
      next.addEventListener("error", drop);
      link.after(next);
    }
  }

  function update(message) {
    hideError();
    // The page served while no build had succeeded stands for every URL: any good build replaces it.
    if (document.querySelector('meta[name="kiji-error-page"]')) return location.reload();
    const page = message.pages.includes(here());
    const css = message.assets.filter((p) => /\.css$/i.test(p));
    if (page || css.length < message.assets.length) location.reload();
    else if (css.length > 0) swapStylesheets(css);
  }

  function receive(event) {
    const message = JSON.parse(event.data);
    if (message.type === "hello") {
      if (message.error) showError(message.error);
      else if (message.version !== loaded) location.reload();
      else hideError();
    } else if (message.type === "error") showError(message.error);
    else if (message.type === "update") update(message);
  }

  function connect() {
    const socket = new WebSocket((location.protocol === "https:" ? "wss://" : "ws://") + location.host + "/__kiji/ws");
    socket.addEventListener("open", () => { retry = 250; });
    socket.addEventListener("message", receive);
    socket.addEventListener("close", () => {
      setTimeout(connect, retry);
      retry = Math.min(retry * 2, 4000);
    });
  }

  addEventListener("keydown", (event) => { if (event.key === "Escape") hideError(); });
  connect();
})();
`;
