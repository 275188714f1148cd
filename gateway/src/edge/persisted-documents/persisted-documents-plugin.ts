import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLError } from 'graphql';
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
 * The persisted-document rules on HTTP. They are decided in `requestDidStart` — the one hook that runs before
 * Apollo Server resolves an APQ id, parses or validates anything — so a partner's full document is refused as
 * such (not answered with validation errors that would describe the graph), and a refused document is never
 * parsed, validated or registered.
 *
 * It also teaches Apollo `documentId` (GraphQL over HTTP's persisted documents, Hive, Yoga), which Apollo's
 * HTTP layer does not read: the id becomes an `extensions.persistedQuery`, so both wire forms go down Apollo's
 * own APQ path (lookup through PersistedDocumentCache, NOT_FOUND, GET allowed for queries only: 405 otherwise).
 *
 * How a refusal is answered: Apollo turns anything thrown before `didResolveOperation` into a bare 500, and
 * `didResolveOperation` is its documented place to refuse a request (the error goes through the boundary, the
 * error hooks and the metrics, and APQ registers nothing). So a refused request's document is swapped for
 * `{ __typename }` (parsed and validated once, then cached by Apollo) and its refusal thrown from there.
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
      const refusal = applyVerdict(decide(documentRequest, audience, policy, manifest), audience, documentRequest, metrics, contextValue.logger);
      if (refusal) {
        const { persistedQuery: _refused, ...extensions } = request.extensions ?? {};
        request.query = REFUSED_PLACEHOLDER;
        request.extensions = extensions;
        request.operationName = undefined;
        return {
          async didResolveOperation() {
            throw refusal;
          },
        };
      }
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

/** What a refused request runs instead of its document, to reach `didResolveOperation` at no cost. */
const REFUSED_PLACEHOLDER = '{ __typename }';

/**
 * Counts (and logs, in `log` mode) what the rules said; returns the refusal's error when they refused. Shared
 * by HTTP and WebSocket, so both are counted and logged alike.
 */
export function applyVerdict(
  verdict: Verdict,
  audience: Audience,
  request: DocumentRequest,
  metrics: PersistedDocumentsMetrics,
  logger: GatewayContext['logger'],
): GraphQLError | null {
  if (verdict.action === 'serve') return null;
  const enforced = verdict.action === 'refuse';
  metrics.refusals.inc({ audience, reason: verdict.refusal, enforced: String(enforced) });
  if (enforced) {
    if (verdict.refusal === 'not-found') metrics.lookups.inc({ audience, result: 'miss' });
    return PersistedDocumentError.of(verdict.refusal, audience);
  }
  const hash = request.kind === 'id' || request.kind === 'text-with-id' ? request.hash : undefined;
  logger.info({ audience, refusal: verdict.refusal, hash }, 'persisted documents (log mode): served a request that enforce would refuse');
  return null;
}
