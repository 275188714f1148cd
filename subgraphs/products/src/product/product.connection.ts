import { PageInfo, CACHE_INHERIT, PARTNER_TAG } from '@techally/platform';
import { Directive, Field, Int, ObjectType } from 'type-graphql';
import type { ProductRecord } from './product.record';
import { ProductType } from './product.type';

// Partners page through the catalogue: the connection's types are tagged whole (they hold no data of their own).
@ObjectType('ProductEdge')
@Directive(CACHE_INHERIT)
@Directive(PARTNER_TAG)
export class ProductEdge {
  @Field({ description: 'Pass as `after` to continue after this product.' })
  cursor!: string;

  @Field(() => ProductType)
  node!: ProductRecord;
}

/** A Relay connection over the active catalog. */
@ObjectType('ProductConnection')
@Directive(CACHE_INHERIT)
@Directive(PARTNER_TAG)
export class ProductConnection {
  @Field(() => [ProductEdge])
  readonly edges: ProductEdge[];

  @Field(() => PageInfo)
  readonly pageInfo: PageInfo;

  private readonly countTotal: () => Promise<number>;

  constructor(edges: ProductEdge[], pageInfo: PageInfo, countTotal: () => Promise<number>) {
    this.edges = edges;
    this.pageInfo = pageInfo;
    this.countTotal = countTotal;
  }

  /** A method, not a value: the count statement runs only for clients that select the field. */
  @Field(() => Int, { description: 'Products matching the filter, across all pages.' })
  totalCount(): Promise<number> {
    return this.countTotal();
  }
}
