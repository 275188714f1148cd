import { randomUUID } from 'node:crypto';
import { createInMemoryEventBus, type EventBus } from '@techally/events';
import { createLogger } from '@techally/platform';
import {
  bearer,
  createTestDatabase,
  createTestSigningKey,
  listenAfterFirstRelayPoll,
  postGraphQL,
  signTestToken,
  type GraphQLResponse,
  type TestDatabase,
  type TestSigningKey,
  startProductsStandIn,
  type ProductsStandIn,
} from '@techally/testing';
import { createLocalJWKSet } from 'jose';
import { createReviewsSubgraph, loadReviewsConfig, type ReviewsSubgraph } from '..';
import { TRACK_PURCHASES } from '../order-events/track-purchases.consumer';

const ISSUER = 'https://techally.test/users';
const AUDIENCE = 'techally-graph-test';

/** Someone with a token: a user id (a uuid, as the users subgraph issues) and a bearer token for it. */
export interface Caller {
  readonly userId: string;
  readonly token: string;
}

/**
 * A reviews subgraph on a database of the test file's own, migrated and listening, in front of a products
 * stand-in built from the committed products SDL; plus callers to ask it things as.
 */
export interface ReviewsHarness {
  readonly subgraph: ReviewsSubgraph;
  readonly database: TestDatabase;
  readonly products: ProductsStandIn;
  /**
   * The bus the subgraph consumes from and its outbox relay publishes to: the one given in the options, or an
   * in-memory one, as the embedded launcher injects one. Publish events here.
   */
  readonly bus: EventBus;
  readonly url: string;
  readonly admin: Caller;
  /** Signed by a key the subgraph does not trust. */
  readonly foreignToken: string;
  /** A new customer with a fresh id on each call. */
  customer(): Promise<Caller>;
  /** POSTs an operation, as `caller` when given, anonymously otherwise. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- specs assert on response shapes instead of typing each one
  query<Data = Record<string, any>>(query: string, variables?: Record<string, unknown>, caller?: Caller | string): Promise<GraphQLResponse<Data>>;
  /** Every review row, to prove a failed mutation wrote nothing. */
  rows(): Promise<unknown[]>;
  /** Runs SQL on the subgraph's database (assertions on what was, or was not, written). */
  sql<Row = Record<string, unknown>>(statement: string, params?: unknown[]): Promise<Row[]>;
  /** Resolves once the purchases consumer committed its effect of the event with this id (its inbox row). */
  handled(eventId: string): Promise<void>;
  stop(): Promise<void>;
}

export interface HarnessOptions {
  readonly seed?: boolean;
  /** Overrides of the subgraph's environment (SUBGRAPH_PRODUCTS_URL, ...). */
  readonly env?: Record<string, string>;
  /**
   * A bus of the caller's (who closes it), with the outbox relay polling every 20 ms (and LISTENing on a real
   * server). Without it, an in-memory bus of the harness's own and a relay that polls at start, then every
   * minute: statement-counting specs see only their own SQL.
   */
  readonly bus?: EventBus;
}

export async function startReviewsHarness(options: HarnessOptions = {}): Promise<ReviewsHarness> {
  const database = await createTestDatabase();
  const products = await startProductsStandIn();
  const key = await createTestSigningKey('reviews-test');
  const ownBus = options.bus ? null : createInMemoryEventBus();
  const bus = options.bus ?? ownBus!;
  let subgraph: ReviewsSubgraph | undefined;
  try {
    const config = loadReviewsConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DATABASE_URL: database.url,
      DATABASE_POOL_MAX: String(database.poolMax),
      JWT_ISSUER: ISSUER,
      JWT_AUDIENCE: AUDIENCE,
      SUBGRAPH_PRODUCTS_URL: products.url,
      OUTBOX_POLL_INTERVAL_MS: options.bus ? '20' : '60000',
      OUTBOX_LISTEN: options.bus && database.kind === 'postgres' ? 'true' : 'false',
      ...options.env,
    });
    subgraph = await createReviewsSubgraph(config, {
      // REVIEWS_TEST_LOG_LEVEL=error shows what was masked as INTERNAL_SERVER_ERROR when a test fails.
      logger: createLogger({ name: 'reviews', level: (process.env['REVIEWS_TEST_LOG_LEVEL'] as 'error' | undefined) ?? 'silent' }),
      accessTokenKeys: createLocalJWKSet({ keys: [key.publicJwk] }),
      processMetrics: false,
      bus,
    });
    await subgraph.migrate();
    if (options.seed) await subgraph.seed();
    const url = await listenAfterFirstRelayPoll(subgraph);
    const running = subgraph;
    const caller = async (roles: string[], signingKey: TestSigningKey = key): Promise<Caller> => {
      const userId = randomUUID();
      return { userId, token: await signTestToken(signingKey, { sub: userId, roles, issuer: ISSUER, audience: AUDIENCE }) };
    };
    const admin = await caller(['CUSTOMER', 'ADMIN']);
    const foreign = await caller(['ADMIN'], await createTestSigningKey('someone-else'));
    return {
      subgraph: running,
      database,
      products,
      bus,
      url,
      admin,
      foreignToken: foreign.token,
      customer: () => caller(['CUSTOMER']),
      query: (query, variables = {}, as) => {
        const token = typeof as === 'string' ? as : as?.token;
        return postGraphQL(url, query, variables, token ? bearer(token) : {});
      },
      rows: () => running.orm.em.fork().getConnection().execute('select * from reviews.review order by id'),
      sql: (statement, params = []) => running.orm.em.fork().getConnection().execute(statement, params),
      handled: (eventId) =>
        waitFor(`event ${eventId} handled by ${TRACK_PURCHASES}`, async () => {
          const rows = await running.orm.em
            .fork()
            .getConnection()
            .execute('select 1 from reviews.inbox where event_id = ? and consumer = ?', [eventId, TRACK_PURCHASES]);
          return rows.length > 0;
        }),
      async stop() {
        await running.stop();
        await ownBus?.close();
        await products.stop().catch(() => undefined);
        await database.drop();
      },
    };
  } catch (error) {
    await subgraph?.stop();
    await ownBus?.close();
    await products.stop();
    await database.drop();
    throw error;
  }
}

/**
 * Polls `probe` until it is true, or fails naming `what`. The bound is a safety net against a hang, never an
 * assertion about speed.
 */
async function waitFor(what: string, probe: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export const REVIEW_FIELDS = 'id rating title body hidden hiddenReason verifiedPurchase createdAt updatedAt author { id } product { id }';

export const ADD_REVIEW = `mutation AddReview($input: AddReviewInput!) { addReview(input: $input) { ${REVIEW_FIELDS} } }`;
export const UPDATE_REVIEW = `mutation UpdateReview($id: ID!, $input: UpdateReviewInput!) { updateReview(id: $id, input: $input) { ${REVIEW_FIELDS} } }`;
export const DELETE_REVIEW = 'mutation DeleteReview($id: ID!) { deleteReview(id: $id) }';
export const MODERATE_REVIEW = `mutation Moderate($id: ID!, $hidden: Boolean!, $reason: String) {
  moderateReview(id: $id, hidden: $hidden, reason: $reason) { ${REVIEW_FIELDS} }
}`;

export interface ReviewData {
  id: string;
  rating: number;
  title: string;
  body: string;
  hidden: boolean;
  hiddenReason: string | null;
  verifiedPurchase: boolean;
  createdAt: string;
  updatedAt: string;
  author: { id: string };
  product: { id: string };
}

/** Adds a review as `caller` and returns it; fails the test with the errors otherwise. */
export async function addReview(
  h: ReviewsHarness,
  caller: Caller,
  input: { productId: string; rating?: number; title?: string; body?: string },
): Promise<ReviewData> {
  const response = await h.query<{ addReview: ReviewData }>(
    ADD_REVIEW,
    { input: { rating: 4, title: 'Good', body: 'Does what it says.', ...input } },
    caller,
  );
  if (!response.data?.addReview) throw new Error(`addReview failed: ${JSON.stringify(response.errors)}`);
  return response.data.addReview;
}
