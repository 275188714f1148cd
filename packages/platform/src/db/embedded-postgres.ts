import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export interface EmbeddedPostgres {
  /** A postgres:// URL the pg driver can connect to. */
  readonly url: string;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** Where the data lives; omit for a throw-away in-memory database (tests). */
  readonly dataDir?: string;
  /**
   * Connections the socket server accepts. Every pool, migrator and CLI instance counts, so the launcher passes
   * the sum of its pools (DESIGN.md §8).
   */
  readonly maxConnections: number;
  readonly port?: number;
}

/**
 * Real Postgres compiled to WebAssembly, served over the wire protocol so the ordinary pg driver (and so
 * MikroORM) talks to it exactly as to a server. Used when DATABASE_URL is not set: a newcomer needs no server.
 * It has a single session shared by every connection, hence pool max 1 per ORM.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const db = await PGlite.create(options.dataDir ? { dataDir: options.dataDir } : {});
  const server = new PGLiteSocketServer({
    db,
    host: '127.0.0.1',
    port: options.port ?? 0,
    maxConnections: options.maxConnections,
  });
  await server.start();
  const port = listeningPort(server, options.port);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres?sslmode=disable`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}

function listeningPort(server: PGLiteSocketServer, requested: number | undefined): number {
  // pglite-socket does not expose the bound port when asked for port 0; read it from the net.Server.
  const address = (server as unknown as { server?: { address(): AddressInfo | string | null } }).server?.address();
  if (address && typeof address === 'object') return address.port;
  if (requested) return requested;
  throw new Error('embedded Postgres did not report its port');
}
