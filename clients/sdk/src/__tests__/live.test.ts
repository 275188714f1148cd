import WebSocket from 'ws';
import { createClient, stockChanged, orderStatusChanged, type Result, type StockChangedSubscription } from '@techally/sdk';
import { authPayload, SDK_OPERATIONS, startFakeGateway } from './support/fake-gateway.js';
import { attachLiveGateway } from './support/fake-live-gateway.js';

const RETRY = { initialDelayMs: 5, maxDelayMs: 50 };

/** Collects a subscription's callbacks; `next(n)` resolves once n results have arrived. */
function recorder<Data>() {
  const results: Result<Data>[] = [];
  const ends: Array<{ error?: unknown }> = [];
  let resubscribed = 0;
  const waiters: Array<() => void> = [];
  const wakeAll = () => {
    for (const wake of waiters.splice(0)) wake();
  };
  return {
    results,
    ends,
    get resubscribed() {
      return resubscribed;
    },
    handlers: {
      next: (result: Result<Data>) => {
        results.push(result);
        wakeAll();
      },
      error: (error: unknown) => {
        ends.push({ error });
        wakeAll();
      },
      complete: () => {
        ends.push({});
        wakeAll();
      },
      resubscribed: () => {
        resubscribed++;
      },
    },
    async until(condition: () => boolean): Promise<void> {
      while (!condition()) await new Promise<void>((resolve) => waiters.push(resolve));
    },
  };
}

const stock = (available: number) => ({ stockChanged: { __typename: 'StockChange', available, inStock: available > 0, at: '2026-12-07T10:00:00.000Z', product: { __typename: 'Product', id: 'p1' } } });

describe('@techally/sdk subscriptions over graphql-ws', () => {
  const stops: Array<() => Promise<void>> = [];
  afterEach(async () => {
    jest.useRealTimers();
    for (const stop of stops.splice(0).reverse()) await stop();
  });

  async function gateway(handlers: Parameters<typeof startFakeGateway>[0] = {}) {
    const http = await startFakeGateway(handlers);
    const live = attachLiveGateway(http.server);
    stops.push(() => http.close(), () => live.close());
    return { http, live };
  }

  it('subscribes by document id only, and resubscribes after the connection drops', async () => {
    const { http, live } = await gateway();
    const client = createClient({ url: http.url, WebSocket, retry: RETRY });
    stops.push(() => client.dispose());
    const events = recorder<StockChangedSubscription>();
    const subscription = stockChanged(client, { productIds: ['p1'] }, events.handlers);

    const first = await live.subscribed(1);
    expect(first.payload['query']).toBe('');
    expect(SDK_OPERATIONS.get(first.payload['documentId'] as string)).toBe('stockChanged');
    expect(first.payload['variables']).toEqual({ productIds: ['p1'] });
    first.push(stock(3));
    await events.until(() => events.results.length === 1);

    live.dropConnections();
    const second = await live.subscribed(2); // graphql-ws reconnected (backing off) and sent the subscribe again
    expect(second.payload).toEqual(first.payload);
    second.push(stock(2));
    await events.until(() => events.results.length === 2);

    expect(events.results.map((r) => r.ok && r.data.stockChanged.available)).toEqual([3, 2]);
    expect(events.resubscribed).toBe(1);
    subscription.unsubscribe();
    expect(events.ends).toEqual([{}]);
  });

  it('subscribes again when the gateway ends a subscription with SUPERGRAPH_RELOADED or SERVICE_UNAVAILABLE', async () => {
    const { http, live } = await gateway();
    const client = createClient({ url: http.url, WebSocket, retry: RETRY });
    stops.push(() => client.dispose());
    const events = recorder<StockChangedSubscription>();
    stockChanged(client, { productIds: ['p1'] }, events.handlers);

    (await live.subscribed(1)).end('SUPERGRAPH_RELOADED', 'The graph changed: subscribe again.');
    (await live.subscribed(2)).end('SERVICE_UNAVAILABLE');
    (await live.subscribed(3)).push(stock(7));
    await events.until(() => events.results.length === 1);

    expect(events.results).toEqual([{ ok: true, data: stock(7) }]);
    expect(events.ends).toEqual([]);
    expect(events.resubscribed).toBe(2);
  });

  it('ends with a typed error when the gateway refuses for good (NOT_FOUND), without retrying', async () => {
    const { http, live } = await gateway();
    const client = createClient({ url: http.url, WebSocket, retry: RETRY });
    stops.push(() => client.dispose());
    const events = recorder<unknown>();
    orderStatusChanged(client, { orderId: 'o1' }, events.handlers);

    (await live.subscribed(1)).end('NOT_FOUND', 'No order o1.');
    await events.until(() => events.ends.length === 2);

    expect(events.ends).toEqual([{ error: { ok: false, error: expect.objectContaining({ code: 'NOT_FOUND', message: 'No order o1.' }) } }, {}]);
    expect(live.subscribes).toHaveLength(1);
  });

  it('reconnects with the new token after a refresh, and after its token expired (UNAUTHENTICATED, 4401) refreshes and resubscribes', async () => {
    let issued = 0;
    const { http, live } = await gateway({
      signIn: () => ({ body: { data: { logIn: authPayload('A1', 'R1') } } }),
      refreshSession: () => ({ body: { data: { refreshSession: ++issued === 1 ? authPayload('A2', 'R2', 60_000) : authPayload('A3', 'R3') } } }),
    });
    const client = createClient({ url: http.url, WebSocket, retry: RETRY, refreshMarginMs: 0 });
    stops.push(() => client.dispose());
    await client.auth.signIn('ada@example.com', 'a password');
    const events = recorder<StockChangedSubscription>();
    stockChanged(client, { productIds: ['p1'] }, events.handlers);
    expect((await live.subscribed(1)).authorization).toBe('Bearer A1');

    await client.auth.refresh(); // A2: the connection restarts with it
    const withA2 = await live.subscribed(2);
    expect(withA2.authorization).toBe('Bearer A2');

    // A2's expiry (the clock moved on, nothing waits): the gateway ends the subscription with UNAUTHENTICATED and
    // closes the connection with 4401, as gateway-websocket does.
    jest.useFakeTimers({ doNotFake: EVERYTHING_BUT_DATE, now: Date.now() });
    jest.setSystemTime(Date.parse(client.auth.current!.accessTokenExpiresAt) + 1);
    withA2.end('UNAUTHENTICATED', 'The access token has expired');
    live.closeConnections(4401, 'The access token has expired');

    const withA3 = await live.subscribed(3);
    expect(withA3.authorization).toBe('Bearer A3');
    withA3.push(stock(1));
    await events.until(() => events.results.length === 1);
    expect(events.ends).toEqual([]);
  });
});

const EVERYTHING_BUT_DATE: Array<'hrtime' | 'nextTick' | 'performance' | 'queueMicrotask' | 'requestAnimationFrame' | 'cancelAnimationFrame' | 'requestIdleCallback' | 'cancelIdleCallback' | 'setImmediate' | 'clearImmediate' | 'setInterval' | 'clearInterval' | 'setTimeout' | 'clearTimeout'> = ['hrtime', 'nextTick', 'performance', 'queueMicrotask', 'requestAnimationFrame', 'cancelAnimationFrame',
  'requestIdleCallback', 'cancelIdleCallback', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'];
