import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '@techally/platform';
import { WORKER_DATABASE_GLOBAL, type WorkerDatabaseLender } from './worker-database';

export interface TestDatabase {
  /** postgres:// URL of a database that belongs to this test file alone. */
  readonly url: string;
  /** 'postgres' against the machine's server (DATABASE_URL), 'embedded' against an in-memory PGlite. */
  readonly kind: 'postgres' | 'embedded';
  /** Pool size an ORM should use on it: 1 on the embedded PGlite (one session), more on a real server. */
  readonly poolMax: number;
  /** Drops the database (or gives the embedded one back, or stops it). */
  drop(): Promise<void>;
}

/**
 * A fresh, empty database for one test file. With DATABASE_URL set (CI, and any developer with a server) it is
 * a new database on that server, created from it and dropped afterwards, so files running in parallel never
 * see each other's rows; without it, an in-memory PGlite, so `pnpm test` passes on a bare machine: under jest,
 * the worker's own, emptied for this file (src/jest/worker-database-environment.js), or a new one when the file
 * holds the worker's already.
 *
 * @param maxConnections embedded only: every pool that will connect (the socket server must accept them all).
 */
export async function createTestDatabase(options: { maxConnections?: number } = {}): Promise<TestDatabase> {
  const serverUrl = process.env['DATABASE_URL'];
  if (!serverUrl) {
    const maxConnections = options.maxConnections ?? 8;
    const lease = await workerDatabase()?.lease({ maxConnections });
    if (lease) return { url: lease.url, kind: 'embedded', poolMax: 1, drop: () => lease.release() };
    const embedded = await startEmbeddedPostgres({ maxConnections });
    return { url: embedded.url, kind: 'embedded', poolMax: 1, drop: () => embedded.stop() };
  }
  const name = `techally_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  await withAdminClient(serverUrl, (client) => client.query(`create database "${name}"`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    kind: 'postgres',
    poolMax: 5,
    drop: async () => {
      await withAdminClient(serverUrl, (client) => client.query(`drop database if exists "${name}" with (force)`));
    },
  };
}

async function withAdminClient<T>(serverUrl: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function workerDatabase(): WorkerDatabaseLender | undefined {
  return (globalThis as { [WORKER_DATABASE_GLOBAL]?: WorkerDatabaseLender })[WORKER_DATABASE_GLOBAL];
}

/** True when the suite runs against a real PostgreSQL server. */
export function hasRealPostgres(): boolean {
  return Boolean(process.env['DATABASE_URL']);
}
