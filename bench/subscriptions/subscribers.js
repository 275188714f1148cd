'use strict';
// One load-generator process of bench/subscriptions: holds many graphql-ws clients (one socket each, as many
// browsers would), each subscribed to stockChanged for one product, and timestamps what they receive. Driven by
// run.js over IPC (child_process.fork); answers each request with a message of the same type.
const { createClient } = require('graphql-ws');
const WebSocket = require('ws');
const CONNECT_TIMEOUT_MS = 30_000;

/** @type {Array<{ client: any, productIndex: number, connected: boolean, warm: boolean, burst: number, lastAvailable: number }>} */
const subscribers = [];
const state = {
  /** Per product index, the `available` at or below which an event is the warm-up's, not the burst's. */
  thresholds: null,
  received: 0,
  lastReceiptAt: 0,
  errors: 0,
  firstError: undefined,
  incomplete: 0,
  droppedReported: 0,
  outOfOrder: 0,
  ended: 0,
  // The burst's receipts, columnar: product index, available, receipt time, and the event's own `at`.
  productIndex: [],
  available: [],
  receivedAt: [],
  at: [],
};

function onResult(subscriber, result) {
  const now = Date.now();
  if (result.errors) {
    state.errors++;
    state.firstError ??= JSON.stringify(result.errors).slice(0, 300);
  }
  const dropped = result.extensions?.droppedEvents;
  if (typeof dropped === 'number') state.droppedReported += dropped;
  const change = result.data?.stockChanged;
  if (!change) return;
  subscriber.warm = true;
  if (!state.thresholds) return;
  if (change.available <= state.thresholds[subscriber.productIndex]) return; // a late warm-up event
  subscriber.burst++;
  state.received++;
  state.lastReceiptAt = now;
  // The gateway delivers a subscription's events in order; the stock only grows during the burst.
  if (change.available <= subscriber.lastAvailable) state.outOfOrder++;
  subscriber.lastAvailable = change.available;
  if (!change.product?.name || !change.product?.price?.formatted) state.incomplete++;
  state.productIndex.push(subscriber.productIndex);
  state.available.push(change.available);
  state.receivedAt.push(now);
  state.at.push(Date.parse(change.at));
}

function subscribe(subscriber, query, productId) {
  subscriber.client.subscribe(
    { query, variables: { productIds: [productId] } },
    {
      next: (result) => onResult(subscriber, result),
      error: (error) => {
        state.ended++;
        state.firstError ??= String(error?.message ?? error?.reason ?? JSON.stringify(error)).slice(0, 300);
      },
      complete: () => {
        state.ended++;
      },
    },
  );
}

/** Opens one client and resolves once its connection is acknowledged (true) or has failed (false). */
function open(url, query, productIndex, productId) {
  return new Promise((resolveOpen) => {
    let settled = false;
    const done = (connected) => {
      if (settled) return false;
      settled = true;
      clearTimeout(timer);
      resolveOpen(connected);
      return true;
    };
    const subscriber = { client: undefined, productIndex, connected: false, warm: false, burst: 0, lastAvailable: -Infinity };
    const timer = setTimeout(() => {
      state.firstError ??= `connect: no connection_ack within ${CONNECT_TIMEOUT_MS} ms`;
      if (done(false)) void subscriber.client.dispose();
    }, CONNECT_TIMEOUT_MS);
    subscriber.client = createClient({
      url,
      webSocketImpl: WebSocket,
      lazy: false,
      retryAttempts: 0,
      keepAlive: 0,
      onNonLazyError: (error) => {
        state.firstError ??= `connect: ${String(error?.message ?? error?.reason ?? error?.code ?? error)}`.slice(0, 300);
        done(false);
      },
      on: {
        connected: () => {
          if (!done(true)) return;
          subscriber.connected = true;
          subscribers.push(subscriber);
          subscribe(subscriber, query, productId);
        },
      },
    });
  });
}

async function openAll({ url, query, assignments, concurrency }) {
  const started = Date.now();
  let next = 0;
  let failed = 0;
  const worker = async () => {
    while (next < assignments.length) {
      const { productIndex, productId } = assignments[next++];
      if (!(await open(url, query, productIndex, productId))) failed++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { connected: subscribers.length, failed, ms: Date.now() - started };
}

function report(responses) {
  const latencyFromAt = new Float64Array(state.receivedAt.length);
  const latencyFromResponse = [];
  for (let index = 0; index < state.receivedAt.length; index++) {
    latencyFromAt[index] = state.receivedAt[index] - state.at[index];
    const respondedAt = responses[state.productIndex[index]]?.[state.available[index]];
    if (respondedAt !== undefined) latencyFromResponse.push(state.receivedAt[index] - respondedAt);
  }
  const perSubscriber = subscribers.map((subscriber) => subscriber.burst);
  return {
    received: state.received,
    latencyFromAt,
    latencyFromResponse: Float64Array.from(latencyFromResponse),
    perSubscriber: Int32Array.from(perSubscriber),
    errors: state.errors,
    incomplete: state.incomplete,
    droppedReported: state.droppedReported,
    outOfOrder: state.outOfOrder,
    ended: state.ended,
    firstError: state.firstError,
  };
}

const handlers = {
  open: (message) => openAll(message),
  warmth: () => ({ warm: subscribers.filter((subscriber) => subscriber.warm).length, connected: subscribers.length, ended: state.ended }),
  arm: ({ thresholds }) => {
    state.thresholds = thresholds;
    return { armed: true };
  },
  progress: () => ({ received: state.received, lastReceiptAt: state.lastReceiptAt, ended: state.ended }),
  report: ({ responses }) => report(responses),
  close: async () => {
    await Promise.all(subscribers.map((subscriber) => subscriber.client.dispose()));
    return { closed: subscribers.length };
  },
};

process.on('message', async (message) => {
  try {
    const answer = await handlers[message.type](message);
    process.send({ type: message.type, ...answer });
  } catch (error) {
    process.send({ type: message.type, failure: String(error?.stack ?? error) });
  }
});
process.on('disconnect', () => process.exit(0));
