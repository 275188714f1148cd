import { CACHE_PRIVATE, requireAdmin } from '@techally/platform';
import { Args, Ctx, Directive, Query, Resolver } from 'type-graphql';
import type { AnalyticsContext } from '../context';
import { SalesReportArgs } from './sales-report.args';
import { SalesReport } from './sales-report.type';

@Resolver()
export class SalesReportResolver {
  @Directive(CACHE_PRIVATE)
  @Query(() => SalesReport, {
    description:
      'Orders, revenue, units, average order value, placed → paid conversion and cancellations by reason, per UTC period (and product), from the events. Administrators only.',
  })
  salesReport(@Args() args: SalesReportArgs, @Ctx() context: AnalyticsContext): Promise<SalesReport> {
    requireAdmin(context.viewer);
    return context.salesReports.report(args);
  }

  @Directive(CACHE_PRIVATE)
  @Query(() => String, {
    description:
      'salesReport as CSV (RFC 4180: a header row, CRLF, quoted fields; amounts as decimals; products labelled with their name, warehouses with their code). Administrators only.',
  })
  salesReportCsv(@Args() args: SalesReportArgs, @Ctx() context: AnalyticsContext): Promise<string> {
    requireAdmin(context.viewer);
    return context.salesReports.csv(args);
  }
}
