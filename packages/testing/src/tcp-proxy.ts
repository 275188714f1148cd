import { createServer, Socket, type AddressInfo, type Server } from 'node:net';

/**
 * A loopback TCP proxy to a server (given by its URL; `url` is the same URL through the proxy), which a test can take down and bring back on the same port: how a test sees
 * "Redis went away and came back" without stopping the Redis that other people share.
 */
export interface TcpProxy {
  readonly port: number;
  readonly url: string;
  /** Refuses new connections and cuts every open one. */
  down(): Promise<void>;
  /** Listens again on the same port. */
  up(): Promise<void>;
  close(): Promise<void>;
}

export async function startTcpProxy(targetUrl: string): Promise<TcpProxy> {
  const target = new URL(targetUrl);
  const targetPort = Number(target.port || 6379);
  const sockets = new Set<Socket>();
  let server: Server | null = null;
  let port = 0;

  async function listen(): Promise<void> {
    const listening = createServer((client) => {
      const upstream = new Socket();
      sockets.add(client);
      sockets.add(upstream);
      const drop = () => {
        client.destroy();
        upstream.destroy();
        sockets.delete(client);
        sockets.delete(upstream);
      };
      client.on('error', drop).on('close', drop);
      upstream.on('error', drop).on('close', drop);
      upstream.connect(targetPort, target.hostname, () => {
        client.pipe(upstream);
        upstream.pipe(client);
      });
    });
    await new Promise<void>((resolve, reject) => {
      listening.once('error', reject);
      listening.listen(port, '127.0.0.1', () => resolve());
    });
    port = (listening.address() as AddressInfo).port;
    server = listening;
  }

  async function down(): Promise<void> {
    const closing = server;
    server = null;
    for (const socket of sockets) socket.destroy();
    sockets.clear();
    if (closing) await new Promise<void>((resolve) => closing.close(() => resolve()));
  }

  await listen();
  const proxied = new URL(targetUrl);
  proxied.hostname = '127.0.0.1';
  proxied.port = String(port);
  return {
    port,
    url: proxied.toString(),
    down,
    up: listen,
    close: down,
  };
}
