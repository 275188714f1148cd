import { PageInfo, pageInfo } from '@techally/platform';
import { Field, Int, ObjectType } from 'type-graphql';
import type { Order } from './order.entity';
import type { OrderPage } from './order.service';
import { OrderType } from './order.type';

@ObjectType('OrderEdge')
export class OrderEdge {
  @Field({ description: 'Pass as `after` to continue after this order.' })
  cursor!: string;

  @Field(() => OrderType)
  node!: Order;
}

/** A Relay connection over orders, newest first. */
@ObjectType('OrderConnection')
export class OrderConnection {
  @Field(() => [OrderEdge])
  readonly edges: OrderEdge[];

  @Field(() => PageInfo)
  readonly pageInfo: PageInfo;

  private readonly countTotal: () => Promise<number>;

  constructor(page: OrderPage) {
    this.edges = page.edges.map(({ cursor, node }) => Object.assign(new OrderEdge(), { cursor, node }));
    this.pageInfo = pageInfo(this.edges, page.hasNextPage, page.hasPreviousPage, (edge) => edge.cursor);
    this.countTotal = () => page.totalCount();
  }

  /** A method, not a value: the count statement runs only for clients that select the field. */
  @Field(() => Int, { description: 'Orders matching, across all pages.' })
  totalCount(): Promise<number> {
    return this.countTotal();
  }
}
