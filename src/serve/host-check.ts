import { isIP } from "node:net";

/** Decides which Host and Origin headers the dev server answers. */
export interface HostCheck {
  /** True when the Host header names this server (DNS-rebinding defence). */
  isAllowedHost(host: string | undefined): boolean;
  /** True when a WebSocket's Origin is a page this server served. */
  isAllowedOrigin(origin: string | undefined): boolean;
}

/** True for the names that always mean this machine. */
export function isLoopbackName(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/^\[|\]$/g, "");
  return name === "localhost" || name.endsWith(".localhost") || name === "::1" || /^127\.\d+\.\d+\.\d+$/.test(name);
}

function hostnameOf(host: string): string | undefined {
  // A Host header is `name[:port]` or `[v6]:port`: nothing else (no user info, path or spaces).
  const match = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::(\d{1,5}))?$/i.exec(host);
  return match ? match[1]!.toLowerCase() : undefined;
}

/**
 * Allows `localhost` (and `*.localhost`), any IP literal, and the name given with `--host`.
 * A DNS-rebinding page reaches the server under its own domain name, which is none of these
 * (the rule Vite's `server.allowedHosts` follows). Origins must also use this server's port.
 */
export function createHostCheck(bindHost: string, port: () => number): HostCheck {
  const bindName = bindHost.toLowerCase();
  const isAllowedName = (hostname: string): boolean =>
    isLoopbackName(hostname) || isIP(hostname.replace(/^\[|\]$/g, "")) !== 0 || hostname === bindName;
  return {
    isAllowedHost(host) {
      const hostname = host === undefined ? undefined : hostnameOf(host);
      return hostname !== undefined && isAllowedName(hostname);
    },
    isAllowedOrigin(origin) {
      if (origin === undefined) return false;
      let url: URL;
      try {
        url = new URL(origin);
      } catch {
        return false;
      }
      const originPort = url.port === "" ? 80 : Number(url.port);
      return url.protocol === "http:" && originPort === port() && isAllowedName(url.hostname.toLowerCase());
    },
  };
}
