import { authenticate, type AccessTokenVerifier, type RequestInfo, type SubgraphOrm, type Viewer } from '@techally/platform';
import { SalesReportService } from './sales/sales-report.service';

/** Everything a resolver of this subgraph may use; nothing reaches a resolver any other way. */
export interface AnalyticsContext extends RequestInfo {
  readonly viewer: Viewer | null;
  readonly salesReports: SalesReportService;
}

export interface ContextDependencies {
  readonly verifier: AccessTokenVerifier;
  readonly orm: SubgraphOrm;
}

/** Builds the context of each request: reports are plain SQL on the pool (no EntityManager state to fork). */
export function createContextFactory({ verifier, orm }: ContextDependencies) {
  const salesReports = new SalesReportService(orm.em.getConnection());
  return async (request: RequestInfo): Promise<AnalyticsContext> => ({
    ...request,
    viewer: await authenticate(verifier, request.headers),
    salesReports,
  });
}
