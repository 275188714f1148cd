import { createLocalJWKSet } from 'jose';
import { Arg, Ctx, Field, ID, Int, ObjectType, Query, Resolver, Root, Subscription } from 'type-graphql';
import { createTestSigningKey, deleteKeys, eventually, inspectRedis, metricValue, postGraphQL, signTestToken, subscribe, testRedisUrl, type TestSigningKey, uniqueKeyPrefix, wsClient } from '@techally/testing';
import { createAccessTokenVerifier, type AccessTokenVerifier } from '../../auth/jwt-verifier';
import { requireViewer, type Viewer } from '../../auth/viewer';
import { createLogger } from '../../logging/logger';
import { buildFederatedSchema } from '../../schema/build-federated-schema';
import type { GraphQLHttpServer } from '../../server/graphql-http-server';
import type { RequestInfo } from '../../server/request-info';
import { createSubgraphServer } from '../../server/subgraph-server';
import { createSubscriptionPubSub, type SubscriptionPubSub } from '../pubsub';
import { topic } from '../topic';

const redisUrl = testRedisUrl();
if (!redisUrl) process.stderr.write('subgraph subscriptions run on the in-memory pub/sub — REDIS_URL is not set\n');
const ISSUER = 'https://issuer.test';
const AUDIENCE = 'techally-graph';
const keyPrefix = uniqueKeyPrefix('subgraph-ws');
const logger = createLogger({ name: 'subgraph-ws-test', level: 'silent' });

interface StockPayload {
  readonly productId: string;
  readonly available: number;
}
const stockChanged = topic<StockPayload>('stock-changed');

interface TestContext extends RequestInfo {
  readonly viewer: Viewer | null;
  /** Which context this is: a fresh one per event shows as a new serial. */
  readonly serial: number;
}

let pubSub: SubscriptionPubSub;
let contexts = 0;

@ObjectType('StockChange')
class StockChange {
  @Field(() => ID) productId!: string;
  @Field(() => Int) available!: number;
  @Field(() => Int) contextSerial!: number;
  @Field(() => String, { nullable: true }) note!: string | null;
}

@Resolver()
class StockResolver {
  @Query(() => String)
  ping(): string {
    return 'pong';
  }

  @Subscription(() => StockChange, { topics: stockChanged.name, topicId: ({ args }) => args['productId'] })
  stockChanged(@Root() payload: StockPayload, @Arg('productId', () => ID) _productId: string, @Ctx() context: TestContext): StockChange {
    if (payload.available === 13) throw new Error('secret driver detail');
    return { ...payload, contextSerial: context.serial, note: null };
  }

  @Subscription(() => StockChange, {
    subscribe: ({ context }) => {
      requireViewer((context as TestContext).viewer);
      return stockChanged.subscribe(pubSub);
    },
  })
  myStockChanged(@Root() payload: StockPayload, @Ctx() context: TestContext): StockChange {
    return { ...payload, contextSerial: context.serial, note: `for ${context.viewer?.userId}` };
  }
}

let key: TestSigningKey;
let verifier: AccessTokenVerifier;
let publisherSide: SubscriptionPubSub;
let server: GraphQLHttpServer;
let url: string;

async function startServer(): Promise<{ server: GraphQLHttpServer; url: string }> {
  const schema = await buildFederatedSchema({ resolvers: [StockResolver], pubSub });
  const started = await createSubgraphServer<TestContext>({
    name: 'stock-test',
    schema,
    logger,
    createContext: async (request) => ({
      ...request,
      viewer: await verifier.viewerFromAuthorization(request.headers.authorization),
      serial: ++contexts,
    }),
    isReady: async () => true,
    processMetrics: false,
  });
  return { server: started, url: await started.listen(0) };
}

/** Waits until the subgraph's pub/sub has `count` streams on the channel (Redis) or open subscriptions (memory). */
async function waitForLive(channelKey: string, count: number): Promise<void> {
  if (!redisUrl) {
    await eventually(async () => (await metricValue(server.metricsUrl!, 'graphql_subscriptions_active')) === count, `${count} live subscriptions`);
    return;
  }
  const redis = inspectRedis(redisUrl);
  try {
    await eventually(async () => {
      const [, subscribers] = (await redis.pubsub('NUMSUB', `${keyPrefix}:${channelKey}`)) as [string, number];
      return Number(subscribers) === Math.min(count, 1);
    }, `${count} subscriber connection(s) on the channel ${channelKey}`);
  } finally {
    redis.disconnect();
  }
}

beforeAll(async () => {
  key = await createTestSigningKey();
  verifier = createAccessTokenVerifier({ keys: createLocalJWKSet({ keys: [key.publicJwk] }), issuer: ISSUER, audience: AUDIENCE });
  pubSub = createSubscriptionPubSub({ redisUrl, keyPrefix, logger });
  // With Redis, events come from another instance, as from another process (the one that committed the change).
  publisherSide = redisUrl ? createSubscriptionPubSub({ redisUrl, keyPrefix, logger }) : pubSub;
  ({ server, url } = await startServer());
});

afterAll(async () => {
  await server?.stop();
  await pubSub?.close();
  if (publisherSide !== pubSub) await publisherSide?.close();
  if (redisUrl) await deleteKeys(redisUrl, keyPrefix);
});

describe('a subgraph serving subscriptions over graphql-ws', () => {
  it('keeps the Subscription type in its federated SDL', async () => {
    const response = await postGraphQL<{ _service: { sdl: string } }>(url, '{ _service { sdl } }');
    expect(response.data?._service.sdl).toMatch(/type Subscription\s*{[^}]*stockChanged\(productId: ID!\): StockChange!/);
  });

  it(`delivers events published by another pub/sub instance${redisUrl ? ' over Redis' : ''}, each with a fresh context`, async () => {
    const client = wsClient(url);
    const received = subscribe(client, 'subscription($id: ID!) { stockChanged(productId: $id) { productId available contextSerial } }', {
      id: 'p1',
    });
    // A subscription that fails instead of going live says why, rather than leaving the wait to time out.
    await Promise.race([
      waitForLive('stock-changed:p1', 1),
      received.ended.then((end) => {
        throw new Error(`the subscription ended before it was live: ${JSON.stringify(end)}`);
      }),
    ]);
    await stockChanged.publish(publisherSide, { productId: 'p1', available: 4 }, 'p1');
    await stockChanged.publish(publisherSide, { productId: 'p2', available: 8 }, 'p2');
    await stockChanged.publish(publisherSide, { productId: 'p1', available: 3 }, 'p1');
    await eventually(() => received.results.length === 2, 'two events');
    expect(received.results.map((result) => result.data?.['stockChanged'])).toEqual([
      { productId: 'p1', available: 4, contextSerial: expect.any(Number) },
      { productId: 'p1', available: 3, contextSerial: expect.any(Number) },
    ]);
    const [first, second] = received.results.map((result) => (result.data?.['stockChanged'] as StockChange).contextSerial);
    expect(second).toBeGreaterThan(first!);
    received.dispose();
    await waitForLive('stock-changed:p1', 0);
    await client.dispose();
  });

  it('masks an unexpected error in one event and keeps the subscription', async () => {
    const client = wsClient(url);
    const received = subscribe(client, 'subscription { stockChanged(productId: "p3") { available } }');
    await waitForLive('stock-changed:p3', 1);
    await stockChanged.publish(publisherSide, { productId: 'p3', available: 13 }, 'p3');
    await stockChanged.publish(publisherSide, { productId: 'p3', available: 14 }, 'p3');
    await eventually(() => received.results.length === 2, 'two events');
    expect(received.results[0]?.errors?.[0]?.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    expect(JSON.stringify(received.results[0])).not.toContain('secret driver detail');
    expect(received.results[1]).toEqual({ data: { stockChanged: { available: 14 } } });
    received.dispose();
    await client.dispose();
  });

  it('refuses a bad token at connect with close code 4401 and the reason', async () => {
    const client = wsClient(url, { authorization: 'Bearer not-a-token' });
    const received = subscribe(client, 'subscription { myStockChanged { available } }');
    expect(await received.ended).toEqual({ error: expect.objectContaining({ code: 4401, reason: 'The access token is malformed.' }) });
  });

  it('ends a protected subscription of an anonymous client with UNAUTHENTICATED, and serves a signed-in one', async () => {
    const anonymous = wsClient(url);
    const refused = subscribe(anonymous, 'subscription { myStockChanged { available } }');
    expect(await refused.ended).toEqual({ completed: true });
    expect(refused.results[0]?.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    await anonymous.dispose();

    const token = await signTestToken(key, { sub: 'user-9', issuer: ISSUER, audience: AUDIENCE });
    const signedIn = wsClient(url, { authorization: `Bearer ${token}` });
    const received = subscribe(signedIn, 'subscription { myStockChanged { available note } }');
    await waitForLive('stock-changed', 1);
    await stockChanged.publish(publisherSide, { productId: 'p4', available: 2 });
    await eventually(() => received.results.length === 1, 'one event');
    expect(received.results[0]).toEqual({ data: { myStockChanged: { available: 2, note: 'for user-9' } } });
    received.dispose();
    await signedIn.dispose();
  });

  it('verifies the token again for every event: an expired one ends the subscription with UNAUTHENTICATED', async () => {
    const token = await signTestToken(key, { sub: 'user-9', issuer: ISSUER, audience: AUDIENCE, expiresIn: 2 });
    const client = wsClient(url, { authorization: `Bearer ${token}` });
    const received = subscribe(client, 'subscription { myStockChanged { available } }');
    await waitForLive('stock-changed', 1);
    const expiry = (Math.floor(Date.now() / 1000) + 3) * 1000;
    await eventually(() => Date.now() > expiry, 'the token to expire');
    await stockChanged.publish(publisherSide, { productId: 'p5', available: 1 });
    expect(await received.ended).toEqual({ completed: true });
    expect(received.results).toEqual([
      { errors: [{ message: 'The access token has expired; refresh the session.', extensions: { code: 'UNAUTHENTICATED' } }] },
    ]);
    await client.dispose();
  });

  it('answers queries over WebSocket with BAD_REQUEST and an invalid document with GRAPHQL_VALIDATION_FAILED', async () => {
    const client = wsClient(url);
    const query = await subscribe(client, '{ ping }').ended;
    expect(query).toEqual({ error: [expect.objectContaining({ extensions: { code: 'BAD_REQUEST' } })] });
    const invalid = await subscribe(client, 'subscription { nope }').ended;
    expect(invalid).toEqual({ error: [expect.objectContaining({ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } })] });
    await client.dispose();
  });

  it('on stop() ends open connections with 1001 and releases their pub/sub streams', async () => {
    const own = await startServer();
    const client = wsClient(own.url);
    const received = subscribe(client, 'subscription { stockChanged(productId: "p6") { available } }');
    await eventually(async () => (await metricValue(own.server.metricsUrl!, 'graphql_subscriptions_active')) === 1, 'the subscription');
    await own.server.stop();
    expect(await received.ended).toEqual({ error: expect.objectContaining({ code: 1001 }) });
    await stockChanged.publish(pubSub, { productId: 'p6', available: 1 }, 'p6');
    expect(received.results).toEqual([]);
  });
});
