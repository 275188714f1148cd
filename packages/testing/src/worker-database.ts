import { Client } from 'pg';
import type { EmbeddedPostgres, EmbeddedPostgresOptions } from '@techally/platform';
import { startTcpProxy, type TcpProxy } from './tcp-proxy';

/**
 * The global under which the jest environment (src/jest/worker-database-environment.js) offers each test file
 * its worker's embedded PostgreSQL. Absent outside that environment and when DATABASE_URL is set.
 */
export const WORKER_DATABASE_GLOBAL = '__techallyWorkerDatabase';

/** The worker's database, lent to one test file until `release`. */
export interface DatabaseLease {
  /** postgres:// URL of the lease's own proxy to the worker's embedded PostgreSQL. */
  readonly url: string;
  /** Cuts every connection still open through the lease and returns the database to the worker. */
  release(): Promise<void>;
}

export interface WorkerDatabaseLender {
  /**
   * The worker's database, emptied, or null when it is lent already (a file that needs two databases at once)
   * or accepts fewer connections than asked: the caller then starts an embedded PostgreSQL of its own.
   */
  lease(options: { readonly maxConnections: number }): Promise<DatabaseLease | null>;
}

/** Connections the worker's server accepts: the most any test file needs (a whole supergraph takes 14). */
const WORKER_MAX_CONNECTIONS = 32;

// Drops everything a test file can have created: its schemas (the subgraphs' own and any other) and whatever
// it left in `public`. What remains is the catalogue of a new database.
const DROP_EVERY_SCHEMA = `
do $$
declare name text;
begin
  for name in select nspname from pg_namespace where nspname <> 'information_schema' and nspname not like 'pg\\_%' loop
    execute format('drop schema %I cascade', name);
  end loop;
  create schema public;
end $$`;

/**
 * One embedded PostgreSQL per jest worker, lent to the worker's test files one after another instead of each
 * file booting its own: a PGlite boot (initdb and the WebAssembly instance) costs seconds of CPU and a few
 * hundred MB that the next file would pay again.
 *
 * A test file gets what a fresh database gives it: every schema is dropped and the session reset (DISCARD ALL:
 * settings, prepared statements, temporary tables, LISTEN, advisory locks) before each lease, and its
 * connections go through a proxy of the lease's own that `release` (or the end of the file) cuts, so a pool a
 * file forgot to close cannot reach the next file's rows. If the database cannot be emptied (a session the
 * last file left broken), a new one replaces it.
 */
export class WorkerDatabase implements WorkerDatabaseLender {
  private server: Promise<EmbeddedPostgres> | null = null;
  private current: { proxy: TcpProxy | null; released: boolean } | null = null;

  constructor(private readonly startEmbeddedPostgres: (options: EmbeddedPostgresOptions) => Promise<EmbeddedPostgres>) {}

  async lease(options: { readonly maxConnections: number }): Promise<DatabaseLease | null> {
    if (this.current || options.maxConnections > WORKER_MAX_CONNECTIONS) return null;
    const lease: { proxy: TcpProxy | null; released: boolean } = { proxy: null, released: false };
    this.current = lease;
    try {
      const server = await this.emptiedServer();
      lease.proxy = await startTcpProxy(server.url);
      return { url: lease.proxy.url, release: () => this.release(lease) };
    } catch (error) {
      this.current = null;
      throw error;
    }
  }

  /** Takes back what the current test file still holds (the environment calls it when the file ends). */
  async releaseAll(): Promise<void> {
    if (this.current) await this.release(this.current);
  }

  /** Stops the worker's server (in-band runs, where the worker is jest's own process and must let it exit). */
  async stop(): Promise<void> {
    await this.releaseAll();
    const server = this.server;
    this.server = null;
    if (server) await (await server.catch(() => null))?.stop();
  }

  private async release(lease: { proxy: TcpProxy | null; released: boolean }): Promise<void> {
    if (lease.released) return;
    lease.released = true;
    await lease.proxy?.close();
    if (this.current === lease) this.current = null;
  }

  private async emptiedServer(): Promise<EmbeddedPostgres> {
    const server = await this.startedServer();
    try {
      await empty(server.url);
      return server;
    } catch {
      this.server = null;
      await server.stop().catch(() => undefined);
      return this.startedServer();
    }
  }

  private startedServer(): Promise<EmbeddedPostgres> {
    if (!this.server) {
      const starting = this.startEmbeddedPostgres({ maxConnections: WORKER_MAX_CONNECTIONS });
      this.server = starting;
      starting.catch(() => {
        if (this.server === starting) this.server = null;
      });
    }
    return this.server;
  }
}

async function empty(url: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    // Outside any transaction block, as DISCARD ALL requires; then the drops, in one statement.
    await client.query('discard all');
    await client.query(DROP_EVERY_SCHEMA);
  } finally {
    await client.end();
  }
}
