import type { AdminOrderRowFragment } from '../gql/graphql.js';

export type OrderRow = AdminOrderRowFragment;

export interface FeedEvent {
  readonly status: string;
  readonly previousStatus: string | null;
  readonly at: string;
  readonly order: OrderRow;
}

/** How many live events the page keeps (the newest). */
export const FEED_LENGTH = 50;

/** The feed with a new event first, the oldest dropped past FEED_LENGTH. */
export function withEvent(feed: ReadonlyArray<FeedEvent>, event: FeedEvent): FeedEvent[] {
  return [event, ...feed].slice(0, FEED_LENGTH);
}

/**
 * The orders list as it is now: what the query read, each order replaced by its newest live event's version,
 * and orders the query never saw (placed since) added; newest first. With a status filter, an order that has
 * moved out of that status leaves the list and one that moved into it joins.
 */
export function mergeFeed(listed: ReadonlyArray<OrderRow>, feed: ReadonlyArray<FeedEvent>, status: string | null): OrderRow[] {
  const byId = new Map<string, OrderRow>(listed.map((order) => [order.id, order]));
  // The feed is newest first: walk it oldest first so the newest version of an order wins.
  for (let i = feed.length - 1; i >= 0; i--) {
    const { order, status: newStatus, at } = feed[i]!;
    const known = byId.get(order.id);
    if (known && Date.parse(known.updatedAt) > Date.parse(at)) continue; // the query read a newer state
    byId.set(order.id, { ...order, status: newStatus as OrderRow['status'] });
  }
  return [...byId.values()]
    .filter((order) => status === null || order.status === status)
    .sort((a, b) => Date.parse(b.placedAt) - Date.parse(a.placedAt));
}
