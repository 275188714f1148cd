import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '@techally/platform';
import { createTestDatabase, type TestDatabase } from '@techally/testing';
import { startEmbeddedSupergraph } from '../embedded-supergraph';

// A start that fails half-way must not leave half a supergraph behind: what did start is stopped again, and
// the error says what went wrong.
let database: TestDatabase;
let squatter: Server;
let takenPort: number;

beforeAll(async () => {
  database = await createTestDatabase({ maxConnections: 12 });
  squatter = createServer((_request, response) => response.end('someone else'));
  await new Promise<void>((resolve) => squatter.listen(0, '127.0.0.1', resolve));
  takenPort = (squatter.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise((resolve) => squatter.close(resolve));
  await database.drop();
});

describe('the embedded start', () => {
  it('fails with the cause when a port is taken, and stops the subgraphs it had started', async () => {
    const usersProbe = createServer();
    await new Promise<void>((resolve) => usersProbe.listen(0, '127.0.0.1', resolve));
    const usersPort = (usersProbe.address() as AddressInfo).port;
    await new Promise((resolve) => usersProbe.close(resolve));

    const start = startEmbeddedSupergraph({
      env: {
        DATABASE_URL: database.url,
        DATABASE_POOL_MAX: String(database.poolMax),
        USERS_PORT: String(usersPort),
        PRODUCTS_PORT: String(takenPort),
        ARGON2_MEMORY_KIB: '1024',
        ARGON2_TIME_COST: '1',
        LOG_LEVEL: 'silent',
      },
      dataDir: mkdtempSync(join(tmpdir(), 'embedded-')),
      logger: createLogger({ name: 'embedded', level: 'silent' }),
    });
    await expect(start).rejects.toMatchObject({ code: 'EADDRINUSE', port: takenPort });

    // users had started on its port before products failed: it must be closed again.
    await expect(fetch(`http://127.0.0.1:${usersPort}/health/live`)).rejects.toThrow();
    // and the port's owner is untouched.
    expect(await (await fetch(`http://127.0.0.1:${takenPort}/`)).text()).toBe('someone else');
  });
});
