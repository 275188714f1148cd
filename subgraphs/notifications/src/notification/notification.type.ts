import { CACHE_PRIVATE, PageInfo, pageInfo } from '@techally/platform';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
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

/** The products subgraph's entity, by key only: the gateway asks products for the rest. */
@ObjectType('Product')
@Directive('@key(fields: "id", resolvable: false)')
export class ProductKey {
  @Field(() => ID)
  id!: string;
}

/** One in-app notification. Personal data: only its recipient ever sees it. */
@ObjectType('Notification', { description: 'A message to you in the app about something that happened to your orders or reviews.' })
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

  @Field(() => OrderKey, { nullable: true, description: 'The order it is about; null when it is not about an order (a review).' })
  order!: OrderKey | null;

  @Field(() => ProductKey, { nullable: true, description: 'The product it is about (the one a moderated review is of), if any.' })
  product!: ProductKey | null;

  @Field(() => Date, { description: 'When what it tells happened.' })
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When you marked it read; null while unread.' })
  readAt!: Date | null;
}

export function notificationOf(row: NotificationRow): NotificationType {
  return Object.assign(new NotificationType(), {
    id: row.id,
    kind: row.kind,
    title: row.title,
    body: row.body,
    order: row.orderId ? Object.assign(new OrderKey(), { id: row.orderId }) : null,
    product: row.productId ? Object.assign(new ProductKey(), { id: row.productId }) : null,
    createdAt: row.occurredAt,
    readAt: row.readAt,
  });
}

@ObjectType('NotificationEdge')
export class NotificationEdge {
  @Field({ description: 'Pass as `after` to continue after this notification.' })
  cursor!: string;

  @Field(() => NotificationType)
  node!: NotificationType;
}

/** What the service hands the connection: a page, and how to count the unread ones if asked. */
export interface NotificationPage {
  readonly edges: ReadonlyArray<{ readonly cursor: string; readonly node: NotificationRow }>;
  readonly hasNextPage: boolean;
  readonly hasPreviousPage: boolean;
  readonly unreadCount: () => Promise<number>;
}

/** A Relay connection over a user's notifications, newest first. */
@ObjectType('NotificationConnection')
@Directive(CACHE_PRIVATE)
export class NotificationConnection {
  @Field(() => [NotificationEdge])
  readonly edges: NotificationEdge[];

  @Field(() => PageInfo)
  readonly pageInfo: PageInfo;

  private readonly countUnread: () => Promise<number>;

  constructor(page: NotificationPage) {
    this.edges = page.edges.map(({ cursor, node }) => Object.assign(new NotificationEdge(), { cursor, node: notificationOf(node) }));
    this.pageInfo = pageInfo(this.edges, page.hasNextPage, page.hasPreviousPage, (edge) => edge.cursor);
    this.countUnread = page.unreadCount;
  }

  /** A method, not a value: the count statement runs only for clients that select the field. */
  @Field(() => Int, { description: 'Your unread notifications, across all pages (whatever `unreadOnly`).' })
  unreadCount(): Promise<number> {
    return this.countUnread();
  }
}
