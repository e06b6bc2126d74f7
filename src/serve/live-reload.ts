import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer, type WebSocket } from "ws";
import type { LiveMessage } from "./dev-site.js";

/** The open browser tabs, reached over WebSockets. */
export interface LiveReloadHub {
  /** Takes over an HTTP upgrade the server has already checked; `hello` is the first message sent. */
  accept(request: IncomingMessage, socket: Duplex, head: Buffer, hello: () => object): void;
  /** Sends a message to every open tab. */
  broadcast(message: LiveMessage): void;
  readonly clientCount: number;
  close(): void;
}

/** Most tabs served at once; more are refused (503) so a runaway page cannot exhaust the server. */
export const MAX_LIVE_CLIENTS = 64;

/** Creates the hub; browsers only listen, so incoming frames are limited to a few bytes. */
export function createLiveReloadHub(): LiveReloadHub {
  const server = new WebSocketServer({ noServer: true, maxPayload: 1024, perMessageDeflate: false });
  const clients = new Set<WebSocket>();
  return {
    accept(request, socket, head, hello) {
      if (clients.size >= MAX_LIVE_CLIENTS) {
        socket.end("HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
        return;
      }
      server.handleUpgrade(request, socket, head, (client) => {
        clients.add(client);
        client.on("close", () => clients.delete(client));
        client.on("error", () => client.terminate());
        client.send(JSON.stringify({ type: "hello", ...hello() }));
      });
    },
    broadcast(message) {
      const text = JSON.stringify(message);
      for (const client of clients) client.send(text);
    },
    get clientCount() {
      return clients.size;
    },
    close() {
      for (const client of clients) client.terminate();
      clients.clear();
      server.close();
    },
  };
}
