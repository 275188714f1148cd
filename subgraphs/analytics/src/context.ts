import { authenticate, type AccessTokenVerifier, type RequestInfo, type SubgraphOrm, type Viewer } from '@techally/platform';
import { SalesReportService } from './sales/sales-report.service';
import { StockLevelsService } from './stock/stock-levels.service';
import type { RebuildResult } from './rebuild/read-model-rebuild';

/** Everything a resolver of this subgraph may use; nothing reaches a resolver any other way. */
export interface AnalyticsContext extends RequestInfo {
  readonly viewer: Viewer | null;
  readonly salesReports: SalesReportService;
  readonly stockLevels: StockLevelsService;
  /** Rebuilds the read model by replay (the `rebuildAnalytics` mutation). */
  readonly rebuild: () => Promise<RebuildResult>;
}

export interface ContextDependencies {
  readonly verifier: AccessTokenVerifier;
  readonly orm: SubgraphOrm;
  readonly rebuild: () => Promise<RebuildResult>;
}

/** Builds the context of each request: reports are plain SQL on the pool (no EntityManager state to fork). */
export function createContextFactory({ verifier, orm, rebuild }: ContextDependencies) {
  const salesReports = new SalesReportService(orm.em.getConnection());
  const stockLevels = new StockLevelsService(orm.em.getConnection());
  return async (request: RequestInfo): Promise<AnalyticsContext> => ({
    ...request,
    viewer: await authenticate(verifier, request.headers),
    salesReports,
    stockLevels,
    rebuild,
  });
}
