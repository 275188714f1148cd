import { startTcpProxy, testRedisUrl, type TcpProxy } from '@techally/testing';
import { checkoutDriverFor, SETTLED, type CheckoutDriver } from './support/checkout-driver';
import { startTestSupergraph, type TestSupergraph } from './support/test-supergraph';

// Redis goes away while customers check out: orders must still commit (the outbox holds their events), and once
// Redis is back every event is delivered and every order reaches PAID or CANCELLED. The bus of this supergraph
// reaches the machine's Redis through a TCP proxy the test takes down and brings back.
const redisUrl = testRedisUrl();
const describeWithRedis = redisUrl ? describe : describe.skip;
if (!redisUrl) process.stderr.write('checkout-resilience.e2e: REDIS_URL is not set, the Redis outage suite is skipped\n');

let proxy: TcpProxy;
let supergraph: TestSupergraph;
let driver: CheckoutDriver;

describeWithRedis('a checkout while Redis is down', () => {
  beforeAll(async () => {
    proxy = await startTcpProxy(redisUrl!);
    supergraph = await startTestSupergraph({ env: { REDIS_URL: proxy.url } });
    driver = await checkoutDriverFor(supergraph);
  }, 180_000);

  afterAll(async () => {
    await proxy?.up().catch(() => undefined);
    await supergraph?.stop();
    await proxy?.close();
  });

  it('commits the orders, and completes every one of them once Redis is back', async () => {
    const product = await driver.stockedProduct(4);
    await proxy.down();

    const placed = [];
    for (let index = 0; index < 6; index++) placed.push(await driver.place([{ productId: product.id, quantity: 1 }]));
    expect(placed.map((order) => order.status)).toEqual(Array(6).fill('PENDING'));
    // Nothing can move while the bus is unreachable; the orders stay safely PENDING.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    for (const order of placed) expect((await driver.progress(order.id)).status).toBe('PENDING');

    await proxy.up();
    const reserved = await Promise.all(placed.map((order) => driver.waitForPayable(order.id, 90_000)));
    expect(reserved.filter((order) => order.status === 'AWAITING_PAYMENT')).toHaveLength(4);
    expect(reserved.filter((order) => order.status === 'CANCELLED').map((order) => order.cancellationReason)).toEqual(['OUT_OF_STOCK', 'OUT_OF_STOCK']);

    for (const order of reserved.filter((candidate) => candidate.status === 'AWAITING_PAYMENT')) await driver.pay(order.id);
    const settled = await Promise.all(placed.map((order) => driver.waitFor(order.id, SETTLED, 60_000)));
    expect(settled.filter((order) => order.status === 'PAID')).toHaveLength(4);
    expect(await driver.stockOf(product.slug)).toMatchObject({ reserved: 0 });
  }, 240_000);
});
