import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { Redis } from 'ioredis';

/**
 * A redis-server of the test's own, on a free loopback port, without persistence (`--save "" --appendonly no`,
 * like the machines' Redis): the way to see "Redis restarted and came back empty" without touching the Redis
 * other people's tests share. `restartEmpty` kills it and starts it again on the same port, its data gone.
 */
export interface PrivateRedis {
  readonly port: number;
  readonly url: string;
  /** SIGKILL (no shutdown save), then a new server on the same port; resolves once it answers PING. */
  restartEmpty(): Promise<void>;
  /** Starts it again on the same port after `stop()` (empty); resolves once it answers PING. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** The redis-server binary on PATH, or null (the suites that need one are then skipped, and say so). */
export function redisServerBinary(): string | null {
  const found = spawnSync('redis-server', ['--version'], { encoding: 'utf8' });
  return found.status === 0 ? 'redis-server' : null;
}

export async function startPrivateRedis(): Promise<PrivateRedis> {
  const binary = redisServerBinary();
  if (!binary) throw new Error('redis-server is not on PATH');
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  let server = await launch(binary, port, url);
  return {
    port,
    url,
    async restartEmpty() {
      await kill(server);
      server = await launch(binary, port, url);
    },
    async start() {
      if (server.exitCode === null && server.signalCode === null) return;
      server = await launch(binary, port, url);
    },
    async stop() {
      await kill(server);
    },
  };
}

async function launch(binary: string, port: number, url: string): Promise<ChildProcess> {
  const child = spawn(binary, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--loglevel', 'warning'], {
    stdio: 'ignore',
  });
  const exited = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`redis-server on port ${port} exited (${code})`))));
  exited.catch(() => undefined);
  const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  try {
    // Until it listens: each attempt is one connection refused or one PONG.
    for (let attempt = 0; ; attempt++) {
      try {
        await Promise.race([probe.connect().then(() => probe.ping()), exited]);
        return child;
      } catch (error) {
        if (attempt >= 200 || child.exitCode !== null) throw error;
        probe.disconnect();
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    }
  } finally {
    probe.disconnect();
  }
}

async function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGKILL');
  await gone;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
