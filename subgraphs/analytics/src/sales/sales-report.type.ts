import { CACHE_PRIVATE, Money } from '@techally/platform';
import { Directive, Field, Float, Int, ObjectType } from 'type-graphql';
import { ReportGranularity, SalesReportGroupBy } from './sales-report.args';
import { CategoryKey, ProductKey, WarehouseKey } from './keys.type';

@ObjectType({ description: 'Orders cancelled for one reason.' })
export class CancellationCount {
  @Field({ description: 'The reason code the orders domain gave (OUT_OF_STOCK, PAYMENT_FAILED, CUSTOMER_REQUESTED, ...).' })
  reason!: string;

  @Field(() => Int)
  orders!: number;
}

@ObjectType({ description: 'The sales of one period (and product, when grouped by product) in one currency.' })
@Directive(CACHE_PRIVATE)
export class SalesReportRow {
  @Field({ description: 'First day of the period (YYYY-MM-DD, UTC), or the report\'s `from` when the period began before it.' })
  periodStart!: string;

  @Field(() => ProductKey, { nullable: true, description: 'The product, when grouped by PRODUCT; null otherwise.' })
  product!: ProductKey | null;

  @Field(() => CategoryKey, {
    nullable: true,
    description: 'The category, when grouped by CATEGORY (the product\'s category when the order was placed); null otherwise, or when unknown.',
  })
  category!: CategoryKey | null;

  @Field(() => WarehouseKey, {
    nullable: true,
    description: 'The warehouse the units were reserved in, when grouped by WAREHOUSE; null otherwise, or when the reservation named none.',
  })
  warehouse!: WarehouseKey | null;

  @Field({ description: 'ISO 4217: each currency has rows of its own (amounts are never converted).' })
  currency!: string;

  @Field(() => Int, { description: 'Orders placed in the period (containing the product, when grouped by product).' })
  ordersPlaced!: number;

  @Field(() => Int, { description: 'Orders paid in the period.' })
  ordersPaid!: number;

  @Field(() => Int, { description: 'Orders fulfilled in the period.' })
  ordersFulfilled!: number;

  @Field(() => Int, { description: 'Orders cancelled in the period, whatever the reason.' })
  ordersCancelled!: number;

  @Field(() => [CancellationCount], { description: 'Orders cancelled in the period, by reason, most first.' })
  cancellationsByReason!: CancellationCount[];

  @Field(() => Int, { description: 'Units of the orders paid in the period (of the product, when grouped by product).' })
  units!: number;

  @Field(() => Money, {
    description:
      'Paid in the period. Per key: its share of each paid order\'s total, weighted by the lines\' prices (by units for orders whose events carry none).',
  })
  revenue!: Money;

  @Field(() => Int, { description: 'Refunds issued in the period.' })
  refunds!: number;

  @Field(() => Money, { description: 'Refunded in the period (per key: in proportion to its share of the order\'s revenue, rounded).' })
  refunded!: Money;

  @Field(() => Money, { nullable: true, description: 'revenue / ordersPaid, rounded to the minor unit; null when none was paid.' })
  averageOrderValue!: Money | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Share (0 to 1) of the orders placed in the period that were paid (at any time so far); null when none was placed.',
  })
  placedToPaidConversion!: number | null;
}

@ObjectType({ description: 'Sales figures from the analytics read model, per period.' })
@Directive(CACHE_PRIVATE)
export class SalesReport {
  @Field()
  from!: string;

  @Field()
  to!: string;

  @Field(() => ReportGranularity)
  granularity!: ReportGranularity;

  @Field(() => SalesReportGroupBy)
  groupBy!: SalesReportGroupBy;

  @Field(() => [SalesReportRow], { description: 'Periods with any activity, oldest first; then by key (product, category or warehouse id) and currency.' })
  rows!: SalesReportRow[];
}
