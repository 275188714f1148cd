import { CACHE_PRIVATE, PageInfo, pageInfo } from '@techally/platform';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ProductKey, productKey } from '../product/product-key.type';
import { NotificationKind } from './notification-text';
import type { NotificationRow } from './notification.repository';

registerEnumType(NotificationKind, {
  name: 'NotificationKind',
  description: 'What a notification is about.',
  valuesConfig: {
    ORDER_PLACED: { description: 'An order of yours was received.' },
    ORDER_PAID: { description: 'An order of yours was paid.' },
    ORDER_CANCELLED: { description: 'An order of yours was cancelled (the body says why).' },
    ORDER_FULFILLED: { description: 'An order of yours was handed to the carrier.' },
    PAYMENT_FAILED: { description: 'A payment for an order of yours failed (the body says why).' },
    LOW_STOCK: { description: 'Staff: a product’s stock fell below its low-stock threshold (in a warehouse, or over all of them).' },
    REFUND_ISSUED: { description: 'Money for an order of yours was refunded (the body says how much, when known).' },
    REVIEW_HIDDEN: { description: 'A moderator hid a review of yours (the body gives their reason, when they gave one).' },
    REVIEW_RESTORED: { description: 'A moderator made a hidden review of yours visible again.' },
  },
});

/** The orders subgraph's entity, by key only: the gateway asks orders for the rest (and orders authorises). */
@ObjectType('Order')
@Directive('@key(fields: "id", resolvable: false)')
export class OrderKey {
  @Field(() => ID)
  id!: string;
}

/** One in-app notification. Personal data: only its recipient ever sees it. */
@ObjectType('Notification', { description: 'A message to you in the app about something that happened to your orders or reviews (or, for staff, to the stock).' })
@Directive(CACHE_PRIVATE)
export class NotificationType {
  @Field(() => ID)
  id!: string;

  @Field(() => NotificationKind)
  kind!: NotificationKind;

  @Field({ description: 'One line, e.g. "Order 3F0C9A52 paid".' })
  title!: string;

  @Field({ description: 'The message, rendered from what happened (totals, why it was cancelled…).' })
  body!: string;

  @Field(() => OrderKey, { nullable: true, description: 'The order it is about; null when it is about no order (a review, LOW_STOCK).' })
  order!: OrderKey | null;

  @Field(() => ProductKey, { nullable: true, description: 'The product it is about (LOW_STOCK, a moderated review); null otherwise.' })
  product!: ProductKey | null;

  @Field(() => Date, { description: 'When what it tells happened.' })
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When you marked it read; null while unread.' })
  readAt!: Date | null;
}

/** What `notificationOf` needs of a notification: a stored row, or the live feed's message of one. */
export type NotificationFacts = Pick<NotificationRow, 'id' | 'kind' | 'orderId' | 'productId' | 'title' | 'body'> & {
  readonly occurredAt: Date | string;
  readonly readAt: Date | string | null;
};

export function notificationOf(row: NotificationFacts): NotificationType {
  return Object.assign(new NotificationType(), {
    id: row.id,
    kind: row.kind,
    title: row.title,
    body: row.body,
    order: row.orderId === null ? null : Object.assign(new OrderKey(), { id: row.orderId }),
    product: row.productId === null ? null : productKey(row.productId),
    createdAt: new Date(row.occurredAt),
    readAt: row.readAt === null ? null : new Date(row.readAt),
  });
}

@ObjectType('NotificationEdge')
export class NotificationEdge {
  @Field({ description: 'Pass as `after` to continue after this notification.' })
  cursor!: string;

  @Field(() => NotificationType)
  node!: NotificationType;
}

/** One page of a recipient's notifications, newest first. */
export interface NotificationPageRows {
  readonly edges: ReadonlyArray<{ readonly cursor: string; readonly node: NotificationRow }>;
  readonly hasNextPage: boolean;
  readonly hasPreviousPage: boolean;
}

/** What the service hands the connection: how to read the page and how to count the unread, each if asked. */
export interface NotificationPage {
  readonly rows: () => Promise<NotificationPageRows>;
  readonly unreadCount: () => Promise<number>;
}

/**
 * A Relay connection over a user's notifications, newest first. Every field is a method: a client that selects
 * only `unreadCount` (the bell, refreshed on each live notification) costs one count over the unread index,
 * and no page is read.
 */
@ObjectType('NotificationConnection')
@Directive(CACHE_PRIVATE)
export class NotificationConnection {
  private page: Promise<{ edges: NotificationEdge[]; pageInfo: PageInfo }> | undefined;

  constructor(private readonly source: NotificationPage) {}

  @Field(() => [NotificationEdge])
  async edges(): Promise<NotificationEdge[]> {
    return (await this.loadPage()).edges;
  }

  @Field(() => PageInfo)
  async pageInfo(): Promise<PageInfo> {
    return (await this.loadPage()).pageInfo;
  }

  @Field(() => Int, { description: 'Your unread notifications, across all pages (whatever `unreadOnly`).' })
  unreadCount(): Promise<number> {
    return this.source.unreadCount();
  }

  private loadPage(): Promise<{ edges: NotificationEdge[]; pageInfo: PageInfo }> {
    this.page ??= this.source.rows().then((rows) => {
      const edges = rows.edges.map(({ cursor, node }) => Object.assign(new NotificationEdge(), { cursor, node: notificationOf(node) }));
      return { edges, pageInfo: pageInfo(edges, rows.hasNextPage, rows.hasPreviousPage, (edge) => edge.cursor) };
    });
    return this.page;
  }
}
