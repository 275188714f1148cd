import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from '../../context';
import { API_KEY_HEADER } from '../partner-caller';
import { audienceOf } from './audience';
import { documentIdOfHttp, documentRequestOf, type DocumentRequest } from './document-request';
import type { PersistedDocumentManifest } from './manifest';
import { PersistedDocumentError, type Audience } from './persisted-document-errors';
import { decide, type PersistedDocumentPolicy, type Verdict } from './persisted-document-rules';
import type { PersistedDocumentsMetrics } from './persisted-documents-metrics';

export interface PersistedDocumentsPluginOptions {
  readonly policy: PersistedDocumentPolicy;
  readonly manifest: () => PersistedDocumentManifest;
  readonly metrics: PersistedDocumentsMetrics;
}

/**
 * The persisted-document rules on HTTP, in `requestDidStart` — the one hook that runs before Apollo Server
 * resolves an APQ id, parses or validates anything — so a refused request costs a hash lookup, and a partner's
 * full document is refused as such (not answered with validation errors that would describe the graph).
 *
 * It also teaches Apollo `documentId` (GraphQL over HTTP's persisted documents, Hive, Yoga), which Apollo's
 * HTTP layer does not read: the id becomes an `extensions.persistedQuery`, so both wire forms go down Apollo's
 * own APQ path (lookup through PersistedDocumentCache, NOT_FOUND, GET allowed for queries only: 405 otherwise).
 *
 * A refusal is thrown: Apollo answers it through the error boundary with the error's status (the APQ-style
 * NOT_FOUND with 200, as Apollo's own). Thrown here it skips the later hooks, so the operation metrics do not
 * count it; `persisted_documents_refusals_total` does.
 */
export function persistedDocumentsPlugin(options: PersistedDocumentsPluginOptions): ApolloServerPlugin<GatewayContext> {
  const { policy, metrics } = options;
  return {
    async requestDidStart({ request, contextValue }) {
      const documentId = documentIdOfHttp(request.http);
      if (typeof documentId === 'string' && !request.extensions?.['persistedQuery']) {
        request.extensions = { ...request.extensions, persistedQuery: { version: 1, sha256Hash: documentId } };
      }
      const manifest = options.manifest();
      const documentRequest = documentRequestOf({ query: request.query, documentId, extensions: request.extensions });
      const audience = audienceOf(request.http?.headers.get(API_KEY_HEADER), contextValue.partner);
      const verdict = decide(documentRequest, audience, policy, manifest);
      applyVerdict(verdict, audience, documentRequest, metrics, contextValue.logger);
      if (documentRequest.kind !== 'id') return;
      return {
        async didResolveSource() {
          const result = documentRequest.hash !== null && manifest.has(documentRequest.hash) ? 'manifest' : 'apq';
          metrics.lookups.inc({ audience, result });
        },
        async didEncounterErrors({ errors }) {
          if (errors.some((error) => error.extensions['code'] === 'PERSISTED_QUERY_NOT_FOUND')) metrics.lookups.inc({ audience, result: 'miss' });
        },
      };
    },
  };
}

/**
 * Counts (and logs, in `log` mode) what the rules said; throws the refusal's error when they refused. Shared by
 * HTTP and WebSocket, so both are counted and logged alike.
 */
export function applyVerdict(
  verdict: Verdict,
  audience: Audience,
  request: DocumentRequest,
  metrics: PersistedDocumentsMetrics,
  logger: GatewayContext['logger'],
): void {
  if (verdict.action === 'serve') return;
  const enforced = verdict.action === 'refuse';
  metrics.refusals.inc({ audience, reason: verdict.refusal, enforced: String(enforced) });
  if (enforced) {
    if (verdict.refusal === 'not-found') metrics.lookups.inc({ audience, result: 'miss' });
    throw PersistedDocumentError.of(verdict.refusal, audience);
  }
  const hash = request.kind === 'id' || request.kind === 'text-with-id' ? request.hash : undefined;
  logger.info({ audience, refusal: verdict.refusal, hash }, 'persisted documents (log mode): served a request that enforce would refuse');
}
