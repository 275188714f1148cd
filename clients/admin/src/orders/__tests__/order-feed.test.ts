import { FEED_LENGTH, mergeFeed, withEvent, type FeedEvent, type OrderRow } from '../order-feed.js';

function order(id: string, status: OrderRow['status'], placedAt: string, updatedAt = placedAt): OrderRow {
  return {
    __typename: 'Order',
    id,
    number: `TA-${id}`,
    status,
    placedAt,
    updatedAt,
    total: { __typename: 'Money', amount: 1000, currency: 'USD', formatted: '$10.00' },
    customer: { __typename: 'User', id: 'c', name: 'Ada', email: 'ada@example.com' },
  };
}

function event(row: OrderRow, status: OrderRow['status'], at: string, previousStatus: string | null = null): FeedEvent {
  return { order: { ...row, status, updatedAt: at }, status, previousStatus, at };
}

describe('the orders list with the live feed merged in', () => {
  const listed = [order('2', 'AWAITING_PAYMENT', '2026-12-07T10:00:00Z'), order('1', 'PAID', '2026-12-07T09:00:00Z')];

  it('adds an order placed since the list was read, newest first', () => {
    const placed = order('3', 'PENDING', '2026-12-07T11:00:00Z');
    expect(mergeFeed(listed, [event(placed, 'PENDING', '2026-12-07T11:00:00Z')], null).map((o) => o.id)).toEqual(['3', '2', '1']);
  });

  it('moves a listed order to the status of its newest event', () => {
    // The feed is newest first: PAID (10:02) wins over the older CANCELLED (10:01).
    const feed = [event(listed[0]!, 'PAID', '2026-12-07T10:02:00Z', 'AWAITING_PAYMENT'), event(listed[0]!, 'CANCELLED', '2026-12-07T10:01:00Z')];
    expect(mergeFeed(listed, feed, null)[0]!.status).toBe('PAID');
  });

  it('keeps what the list read when it is newer than an event that arrived late', () => {
    const fresh = [order('2', 'FULFILLED', '2026-12-07T10:00:00Z', '2026-12-07T12:00:00Z')];
    expect(mergeFeed(fresh, [event(fresh[0]!, 'PAID', '2026-12-07T10:05:00Z')], null)[0]!.status).toBe('FULFILLED');
  });

  it('with a status filter, drops an order that left the status and adds one that entered it', () => {
    const paidNow = event(listed[0]!, 'PAID', '2026-12-07T10:05:00Z');
    const refunded = event(listed[1]!, 'REFUNDED', '2026-12-07T10:06:00Z');
    expect(mergeFeed(listed, [refunded, paidNow], 'PAID').map((o) => o.id)).toEqual(['2']);
  });

  it('keeps the newest events only', () => {
    let feed: FeedEvent[] = [];
    for (let i = 0; i < FEED_LENGTH + 5; i++) feed = withEvent(feed, event(listed[1]!, 'PAID', new Date(Date.UTC(2026, 11, 7, 0, i)).toISOString()));
    expect(feed).toHaveLength(FEED_LENGTH);
    expect(feed[0]!.at).toBe(new Date(Date.UTC(2026, 11, 7, 0, FEED_LENGTH + 4)).toISOString());
  });
});
