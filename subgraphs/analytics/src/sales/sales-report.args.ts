import { ArgsType, Field, registerEnumType } from 'type-graphql';

export enum ReportGranularity {
  DAY = 'DAY',
  WEEK = 'WEEK',
  MONTH = 'MONTH',
}

export enum SalesReportGroupBy {
  NONE = 'NONE',
  PRODUCT = 'PRODUCT',
  CATEGORY = 'CATEGORY',
  WAREHOUSE = 'WAREHOUSE',
}

registerEnumType(ReportGranularity, {
  name: 'ReportGranularity',
  description: 'The length of a report period, in UTC: a day, an ISO week (from Monday) or a calendar month.',
});
registerEnumType(SalesReportGroupBy, {
  name: 'SalesReportGroupBy',
  description:
    'NONE: one row per period and currency; PRODUCT, CATEGORY (the product\'s category when the order was placed), WAREHOUSE (where its units were reserved): one row per period, key and currency.',
});

@ArgsType()
export class SalesReportArgs {
  @Field({ description: 'First day of the report, inclusive, as YYYY-MM-DD (UTC).' })
  from!: string;

  @Field({ description: 'Last day of the report, inclusive, as YYYY-MM-DD (UTC); at most 400 days after `from`.' })
  to!: string;

  @Field(() => ReportGranularity, { defaultValue: ReportGranularity.DAY })
  granularity!: ReportGranularity;

  @Field(() => SalesReportGroupBy, { defaultValue: SalesReportGroupBy.NONE })
  groupBy!: SalesReportGroupBy;
}
