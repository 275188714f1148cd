import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/**
 * Tracks the HTTP connections of a server, and whether each is serving a request, so stopping can:
 * - close idle keep-alive connections at once (and those that never sent a request, which Node's own
 *   `closeIdleConnections` leaves open until they time out);
 * - let in-flight requests finish, answering them with `Connection: close` and closing the socket after, so a
 *   connection busy when stop began does not sit idle in keep-alive for `keepAliveTimeout` (issue #9, item 5);
 * - destroy whatever is still open when the deadline passes.
 * Upgraded (WebSocket) sockets leave the HTTP layer and are the WebSocket server's to close.
 */
export class ConnectionDrain {
  /** Open connections and how many requests each is serving. */
  private readonly active = new Map<Socket, number>();
  private readonly inFlight = new Set<ServerResponse>();
  private draining = false;

  constructor(server: Server) {
    server.on('connection', (socket: Socket) => {
      this.active.set(socket, 0);
      socket.once('close', () => this.active.delete(socket));
    });
    // Only when a WebSocket server already listens for upgrades (create this after it): a listener of our own
    // would make Node hand over upgrade requests that nothing then answers.
    if (server.listenerCount('upgrade') > 0) server.prependListener('upgrade', (request: IncomingMessage) => this.active.delete(request.socket));
  }

  /** Call first thing for every request. */
  track(request: IncomingMessage, response: ServerResponse): void {
    const socket = request.socket;
    this.active.set(socket, (this.active.get(socket) ?? 0) + 1);
    if (this.draining) response.setHeader('connection', 'close');
    this.inFlight.add(response);
    response.once('close', () => {
      this.inFlight.delete(response);
      const left = (this.active.get(socket) ?? 1) - 1;
      if (!this.active.has(socket)) return;
      this.active.set(socket, left);
      if (this.draining && left === 0) socket.destroySoon();
    });
  }

  /** Stops keeping connections alive: idle ones close now, busy ones after their response. */
  begin(): void {
    this.draining = true;
    for (const response of this.inFlight) if (!response.headersSent) response.setHeader('connection', 'close');
    for (const [socket, requests] of this.active) if (requests === 0) socket.destroy();
  }

  /** Ends every connection still open (the deadline passed). */
  destroyAll(): void {
    for (const socket of this.active.keys()) socket.destroy();
  }
}
