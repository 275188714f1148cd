import { useCallback, useSyncExternalStore } from 'react';
import { useClient, type Client } from 'urql';
import type { StorefrontOrderDetailFragment } from '../gql/graphql';
import { StorefrontOrderStatusChangedSubscription } from './order-operations';

export type OrderDetail = StorefrontOrderDetailFragment;

/** One order's `orderStatusChanged` subscription, shared by every page following that order. */
interface Follow {
  refs: number;
  latest: OrderDetail | null;
  readonly listeners: Set<() => void>;
  readonly stop: () => void;
}

// Per urql client: GraphProvider makes a new client (and socket) when the signed-in user changes.
const follows = new WeakMap<Client, Map<string, Follow>>();

function followsOf(client: Client): Map<string, Follow> {
  let map = follows.get(client);
  if (!map) follows.set(client, (map = new Map()));
  return map;
}

/**
 * Starts (or joins) the live subscription of one order; `release` leaves it. The last one to leave closes it, a
 * moment later rather than at once: checkout hands the order to the order page in one navigation, and the order
 * page must inherit the subscription that has been live since the order was placed — a new one would miss a
 * change made while it was being set up (the server replays nothing).
 */
export function followOrder(client: Client, orderId: string): { readonly follow: Follow; release(): void } {
  const map = followsOf(client);
  let follow = map.get(orderId);
  if (!follow) {
    const listeners = new Set<() => void>();
    const created: Follow = { refs: 0, latest: null, listeners, stop: () => undefined };
    const subscription = client.subscription(StorefrontOrderStatusChangedSubscription, { orderId }).subscribe((result) => {
      const order = result.data?.orderStatusChanged.order;
      if (!order) return;
      created.latest = newest(created.latest, order);
      for (const listener of listeners) listener();
    });
    follow = Object.assign(created, { stop: () => subscription.unsubscribe() });
    map.set(orderId, follow);
  }
  follow.refs += 1;
  const held = follow;
  let released = false;
  return {
    follow: held,
    release() {
      if (released) return;
      released = true;
      held.refs -= 1;
      setTimeout(() => {
        if (held.refs > 0 || map.get(orderId) !== held) return;
        map.delete(orderId);
        held.stop();
      }, 0);
    },
  };
}

/** The later of two views of the same order (by `updatedAt`; the live one wins a tie: it was read after). */
export function newest(a: OrderDetail | null | undefined, b: OrderDetail | null | undefined): OrderDetail | null {
  if (!a) return b ?? null;
  if (!b) return a;
  return Date.parse(a.updatedAt) > Date.parse(b.updatedAt) ? a : b;
}

/** The order as its latest live update showed it (null until one came), for as long as the component is mounted. */
export function useLiveOrder(orderId: string | null): OrderDetail | null {
  const client = useClient();
  const subscribe = useCallback(
    (listener: () => void) => {
      if (!orderId) return () => undefined;
      const { follow, release } = followOrder(client, orderId);
      follow.listeners.add(listener);
      return () => {
        follow.listeners.delete(listener);
        release();
      };
    },
    [client, orderId],
  );
  return useSyncExternalStore(
    subscribe,
    () => (orderId ? (followsOf(client).get(orderId)?.latest ?? null) : null),
  );
}

/**
 * Resolves with the order once a live update shows it in one of `statuses` (at once if the latest already does).
 * The caller must hold the order (followOrder) so the subscription is already live.
 */
export function nextLiveStatus(client: Client, orderId: string, statuses: ReadonlyArray<string>, signal: AbortSignal): Promise<OrderDetail | null> {
  const { follow, release } = followOrder(client, orderId);
  return new Promise((resolve) => {
    const check = () => {
      if (signal.aborted) return done(null);
      if (follow.latest && statuses.includes(follow.latest.status)) done(follow.latest);
    };
    const done = (value: OrderDetail | null) => {
      follow.listeners.delete(check);
      signal.removeEventListener('abort', check);
      release();
      resolve(value);
    };
    follow.listeners.add(check);
    signal.addEventListener('abort', check);
    check();
  });
}
