import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { PGliteWireServer } from './pglite-wire-server';

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
   * the sum of its pools (README.md, Design decisions).
   */
  readonly maxConnections: number;
  readonly port?: number;
}

/**
 * Real Postgres compiled to WebAssembly, served over the wire protocol so the ordinary pg driver (and so
 * MikroORM) talks to it exactly as to a server. Used when DATABASE_URL is not set: a newcomer needs no server.
 * It has a single session shared by every connection: the server runs one connection's statement sequence or
 * transaction at a time, the others wait their turn (pglite-wire-server.ts), hence pool max 1 per ORM.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  // pg_trgm (the search subgraph's typo tolerance and suggestions) must be offered when PGlite starts: a
  // contrib extension it was not given cannot be created later ("extension \"pg_trgm\" is not available").
  // Imported dynamically: the package types its contrib modules as ESM only (the CommonJS build exists).
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const db = await PGlite.create({ ...(options.dataDir ? { dataDir: options.dataDir } : {}), extensions: { pg_trgm } });
  const server = new PGliteWireServer({
    db,
    host: '127.0.0.1',
    port: options.port ?? 0,
    maxConnections: options.maxConnections,
  });
  const port = await server.start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres?sslmode=disable`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
