import { createLogger } from '@techally/platform';
import { bearer, createTestDatabase, postGraphQL, type GraphQLResponse, type TestDatabase } from '@techally/testing';
import { createUsersSubgraph, loadUsersConfig, type UsersConfig, type UsersSubgraph, type UsersSubgraphOptions } from '..';

/**
 * Boots the real users subgraph on a database of the test file's own and talks HTTP to it. Hashing is cheap
 * here through configuration (ARGON2_*), the only way tests change it.
 */
export interface RunningUsers {
  readonly url: string;
  /** http://127.0.0.1:port, for the plain routes (JWKS, health). */
  readonly baseUrl: string;
  readonly app: UsersSubgraph;
  readonly config: UsersConfig;
  readonly database: TestDatabase;
  readonly clock: TestClock;
  /** POSTs an operation, with `Authorization: Bearer <token>` when a token is given. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- specs assert on response shapes instead of typing each one
  gql<Data = Record<string, any>>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphQLResponse<Data>>;
  stop(): Promise<void>;
}

/** Real time plus an offset a test can move forward, so delays and tokens run out without waiting. */
export interface TestClock {
  now(): Date;
  advance(milliseconds: number): void;
  /** Stops real time (only `advance` moves the clock then), for specs that assert on exact waits. */
  freeze(): void;
}

export const CHEAP_ARGON2 = { ARGON2_MEMORY_KIB: '256', ARGON2_TIME_COST: '1', ARGON2_PARALLELISM: '1' };

export async function startUsers(
  env: Record<string, string> = {},
  options: Pick<UsersSubgraphOptions, 'apiKeyRevocations' | 'bus'> = {},
): Promise<RunningUsers> {
  const database = await createTestDatabase();
  let offset = 0;
  let frozenAt: number | null = null;
  const clock: TestClock = {
    now: () => new Date((frozenAt ?? Date.now()) + offset),
    advance: (ms) => void (offset += ms),
    freeze: () => void (frozenAt ??= Date.now()),
  };
  try {
    const config = loadUsersConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DATABASE_URL: database.url,
      DATABASE_POOL_MAX: String(database.poolMax),
      ...CHEAP_ARGON2,
      // The relay publishes at once to a bus a spec listens on; otherwise it stays out of the way.
      OUTBOX_POLL_INTERVAL_MS: options.bus ? '20' : '60000',
      OUTBOX_LISTEN: options.bus && database.kind === 'postgres' ? 'true' : 'false',
      ...env,
    });
    const app = await createUsersSubgraph(config, {
      // USERS_TEST_LOG_LEVEL=error shows what was masked as INTERNAL_SERVER_ERROR when a test fails.
      logger: createLogger({ name: 'users', level: (process.env['USERS_TEST_LOG_LEVEL'] as 'error' | undefined) ?? 'silent' }),
      processMetrics: false,
      clock: clock.now,
      ...options,
    });
    await app.migrate();
    const url = await app.listen(0);
    return {
      url,
      baseUrl: url.replace(/\/graphql$/, ''),
      app,
      config,
      database,
      clock,
      gql: (query, variables = {}, token) => postGraphQL(url, query, variables, token ? bearer(token) : {}),
      async stop() {
        await app.stop();
        await database.drop();
      },
    };
  } catch (error) {
    await database.drop();
    throw error;
  }
}

export interface OutboxRow {
  readonly type: string;
  readonly aggregateId: string;
  readonly payload: Record<string, unknown>;
  readonly metadata: Record<string, unknown>;
}

/** The users' outbox in publication order (issue #14), optionally of one user only. */
export async function outboxRows(users: RunningUsers, aggregateId?: string): Promise<OutboxRow[]> {
  const rows = await users.app.orm.em.getConnection().execute<Array<{ type: string; aggregate_id: string; payload: Record<string, unknown>; metadata: Record<string, unknown> }>>(
    `select type, aggregate_id, payload, metadata from "users"."outbox" ${aggregateId ? 'where aggregate_id = ?' : ''} order by position`,
    aggregateId ? [aggregateId] : [],
  );
  return rows.map((row) => ({ type: row.type, aggregateId: row.aggregate_id, payload: row.payload, metadata: row.metadata }));
}

export const SIGN_UP = `mutation SignUp($input: SignUpInput!) {
  signUp(input: $input) { accessToken refreshToken accessTokenExpiresAt user { id email name roles } }
}`;

export const LOG_IN = `mutation LogIn($email: String!, $password: String!) {
  logIn(email: $email, password: $password) { accessToken refreshToken accessTokenExpiresAt user { id email } }
}`;

export const REFRESH = `mutation Refresh($token: String!) {
  refreshSession(refreshToken: $token) { accessToken refreshToken user { id } }
}`;

export const ME = '{ me { id email name roles } }';

export interface Session {
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly user: { readonly id: string; readonly email: string };
}

let accounts = 0;

/** Signs up a fresh customer (unique email per call) and returns its session. */
export async function signUpCustomer(users: RunningUsers, name = 'Test Customer'): Promise<Session & { password: string }> {
  accounts += 1;
  const email = `customer${accounts}.${Date.now().toString(36)}@example.com`;
  const password = 'a-perfectly-fine-passphrase';
  const response = await users.gql<{ signUp: Session }>(SIGN_UP, { input: { email, password, name } });
  if (!response.data?.signUp) throw new Error(`sign-up failed: ${JSON.stringify(response.errors)}`);
  return { ...response.data.signUp, password };
}
