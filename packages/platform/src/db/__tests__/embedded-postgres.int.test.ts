import { Client, Pool } from 'pg';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../embedded-postgres';

// Several pools (one per subgraph, max 1 each, as in the embedded start) on the one PGlite session, racing
// transactions and extended-protocol statements: each must behave as on a server with a session per connection
// (issue #9: an order whose status and history disagreed under load).

const ROUNDS = 40;

describe('the embedded PostgreSQL with several pools at once', () => {
  let embedded: EmbeddedPostgres;
  const pools: Pool[] = [];

  function pool(): Pool {
    const created = new Pool({ connectionString: embedded.url, max: 1 });
    pools.push(created);
    return created;
  }

  beforeAll(async () => {
    embedded = await startEmbeddedPostgres({ maxConnections: 8 });
  });

  beforeEach(async () => {
    await pool().query(`
      drop table if exists account, entry;
      create table account (id int primary key, balance int not null);
      create table entry (id serial primary key, account int not null, amount int not null);
      insert into account values (1, 0), (2, 0), (3, 0);`);
  });

  afterEach(async () => {
    await Promise.all(pools.splice(0).map((each) => each.end()));
  });

  afterAll(async () => {
    await embedded.stop();
  });

  it('runs every parameterized statement as its own connection sent it: its SQL, its parameters', async () => {
    const wrong: string[] = [];
    await Promise.all(
      [pool(), pool(), pool(), pool()].map(async (each, connection) => {
        for (let round = 0; round < ROUNDS; round += 1) {
          // Each connection its own SQL text: running another connection's statement shows in the answer.
          const { rows } = await each.query<{ connection: number; round: number }>(
            `select ${connection} as connection, $1::int as round`,
            [round],
          );
          if (rows[0]?.connection !== connection || rows[0]?.round !== round) {
            wrong.push(`connection ${connection}, round ${round}: ${JSON.stringify(rows)}`);
          }
        }
      }),
    );
    expect(wrong).toEqual([]);
  });

  it('lets a rollback undo only its own transaction, never another connection’s acknowledged writes', async () => {
    const [autocommit, rollingBack, transfers] = [pool(), pool(), pool()];
    let acknowledged = 0;
    await Promise.all([
      (async () => {
        for (let round = 0; round < ROUNDS; round += 1) {
          await autocommit.query('update account set balance = balance + $1 where id = $2', [1, 1]);
          acknowledged += 1;
        }
      })(),
      (async () => {
        for (let round = 0; round < ROUNDS; round += 1) {
          await rollingBack.query('begin');
          await rollingBack.query('update account set balance = balance + $1 where id = $2', [100, 2]);
          await rollingBack.query('rollback');
        }
      })(),
      (async () => {
        for (let round = 0; round < ROUNDS; round += 1) await transfer(transfers, 3, 5);
      })(),
    ]);
    expect(await balances(autocommit)).toEqual({ 1: acknowledged, 2: 0, 3: ROUNDS * 5 });
    expect(await entries(autocommit, 3)).toBe(ROUNDS);
  });

  it('keeps an error inside one transaction to that transaction: the others commit whole, the failed one not at all', async () => {
    const [failing, failingOutside, committing] = [pool(), pool(), pool()];
    await Promise.all([
      (async () => {
        for (let round = 0; round < ROUNDS; round += 1) {
          await failing.query('begin');
          await failing.query('insert into entry (account, amount) values ($1, $2)', [1, 7]);
          await expect(failing.query('select 1 / $1::int', [0])).rejects.toThrow('division by zero');
          await failing.query('rollback');
        }
      })(),
      (async () => {
        for (let round = 0; round < ROUNDS; round += 1) {
          await expect(failingOutside.query('select 1 / $1::int', [0])).rejects.toThrow('division by zero');
        }
      })(),
      (async () => {
        for (let round = 0; round < ROUNDS; round += 1) await transfer(committing, 2, 3);
      })(),
    ]);
    expect(await balances(committing)).toEqual({ 1: 0, 2: ROUNDS * 3, 3: 0 });
    expect(await entries(committing, 1)).toBe(0);
    expect(await entries(committing, 2)).toBe(ROUNDS);
  });

  it('rolls back the transaction of a connection that goes away inside it, and serves the others on', async () => {
    const client = new Client({ connectionString: embedded.url });
    await client.connect();
    await client.query('begin');
    await client.query('update account set balance = balance + $1 where id = $2', [50, 1]);
    // The socket dies with the transaction open (no ROLLBACK, no Terminate): the server must clean up.
    const gone = new Promise<Error>((resolve) => client.once('error', resolve));
    (client as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
    expect((await gone).message).toMatch(/terminated unexpectedly/);

    const other = pool();
    await transfer(other, 2, 1);
    expect(await balances(other)).toEqual({ 1: 0, 2: 1, 3: 0 });
  });
});

/** A transaction of two statements: the balance and its entry. */
async function transfer(pool: Pool, account: number, amount: number): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    await client.query('update account set balance = balance + $1 where id = $2', [amount, account]);
    await client.query('insert into entry (account, amount) values ($1, $2)', [account, amount]);
    await client.query('commit');
  } finally {
    client.release();
  }
}

async function balances(pool: Pool): Promise<Record<number, number>> {
  const { rows } = await pool.query<{ id: number; balance: number }>('select id, balance from account order by id');
  return Object.fromEntries(rows.map((row) => [row.id, row.balance]));
}

async function entries(pool: Pool, account: number): Promise<number> {
  const { rows } = await pool.query<{ count: number }>('select count(*)::int as count from entry where account = $1', [account]);
  return rows[0]?.count ?? 0;
}

describe('the embedded PostgreSQL at its connection limit', () => {
  it('refuses one connection more with SQLSTATE 53300, keeps serving the others, and still stops', async () => {
    const embedded = await startEmbeddedPostgres({ maxConnections: 1 });
    const first = new Client({ connectionString: embedded.url });
    await first.connect();
    const second = new Client({ connectionString: embedded.url });
    second.on('error', () => undefined); // the refusal also arrives as an error event once the socket closes
    await expect(second.connect()).rejects.toMatchObject({ code: '53300' });
    expect((await first.query<{ one: number }>('select 1 as one')).rows).toEqual([{ one: 1 }]);
    await first.end();
    await embedded.stop();
  });
});
