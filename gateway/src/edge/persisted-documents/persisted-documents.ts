import type { ApolloServerPlugin } from '@apollo/server';
import type { KeyValueCache } from '@apollo/utils.keyvaluecache';
import type { Logger, OperationLabel } from '@techally/platform';
import type { GraphQLError } from 'graphql';
import { Redis } from 'ioredis';
import type { IncomingHttpHeaders } from 'node:http';
import type { Registry } from 'prom-client';
import type { GatewayContext } from '../../context';
import { manifestOperationLabel } from '../../known-operations';
import { API_KEY_HEADER } from '../partner-caller';
import { audienceOf } from './audience';
import { documentRequestOf, type DocumentFields } from './document-request';
import { ManifestStore, type ManifestReload } from './manifest-store';
import { PersistedDocumentCache, RedisApqCache, TieredApqCache } from './persisted-document-cache';
import { PersistedDocumentError } from './persisted-document-errors';
import { decide } from './persisted-document-rules';
import { applyVerdict, persistedDocumentsPlugin } from './persisted-documents-plugin';
import type { PersistedDocumentsConfig } from './persisted-documents-config';
import { createPersistedDocumentsMetrics } from './persisted-documents-metrics';

/** How long start() waits for the APQ cache's Redis before going on with memory alone. */
const APQ_CONNECT_WAIT_MS = 1_000;

export interface PersistedDocumentsOptions {
  readonly config: PersistedDocumentsConfig;
  /** The APQ cache's Redis (REDIS_URL); none: this process's memory only (the embedded start). */
  readonly redisUrl: string | undefined;
  readonly registry: Registry;
  readonly logger: Logger;
  /** Told of every manifest load (tests wait on it rather than on a sleep). */
  readonly onManifestReload?: (reload: ManifestReload) => void;
}

/** Everything the gateway wires in for persisted documents (gateway/README.md, *Persisted documents*). */
export interface PersistedDocuments {
  /** The rules on HTTP: first among the plugins. */
  readonly plugin: ApolloServerPlugin<GatewayContext>;
  /** Apollo Server's `persistedQueries` option: its APQ, over the manifest and the APQ cache. */
  readonly apollo: { readonly cache: KeyValueCache<string>; readonly ttl: number };
  /** The operation metrics' label, following the live manifest. */
  readonly operationLabel: OperationLabel;
  /**
   * The rules on WebSocket: the document text of a graphql-ws subscribe payload (an id in `documentId` or
   * `extensions.persistedQuery`, or the text), or the errors that refuse it. Ids are looked up as over HTTP;
   * nothing is registered over WebSocket (APQ registration is an HTTP exchange).
   */
  subscriptionDocument(payload: DocumentFields, headers: IncomingHttpHeaders, logger: Logger): Promise<string | GraphQLError[]>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function createPersistedDocuments(options: PersistedDocumentsOptions): PersistedDocuments {
  const { config, logger } = options;
  const metrics = createPersistedDocumentsMetrics(options.registry);
  const store = new ManifestStore({
    path: config.manifestPath,
    logger,
    onReload(reload) {
      metrics.manifestReloads.inc({ outcome: reload.outcome });
      if (reload.outcome === 'loaded') metrics.manifestDocuments.set(reload.documents);
      options.onManifestReload?.(reload);
    },
  });
  const manifest = () => store.current;

  const redis = options.redisUrl
    ? new Redis(options.redisUrl, {
        // No queue while disconnected and a short timeout: a Redis outage is a miss now, never a wait.
        enableOfflineQueue: false,
        commandTimeout: config.apqRedisTimeoutMs,
        maxRetriesPerRequest: 0,
        lazyConnect: true,
      })
    : null;
  redis?.on('error', (error) => logger.debug({ err: error }, 'APQ cache: Redis connection error'));
  const apq = new TieredApqCache(redis ? new RedisApqCache(redis, config.apqKeyPrefix, config.apqTtlSeconds) : null, logger, metrics);
  const documents = new PersistedDocumentCache(manifest, apq, metrics);

  return {
    plugin: persistedDocumentsPlugin({ policy: config, manifest, metrics }),
    apollo: { cache: documents.forApollo(), ttl: config.apqTtlSeconds },
    operationLabel: manifestOperationLabel(manifest),

    async subscriptionDocument(payload, headers, requestLogger) {
      const request = documentRequestOf(payload);
      const audience = audienceOf(headers[API_KEY_HEADER], null);
      const refusal = applyVerdict(decide(request, audience, config, manifest()), audience, request, metrics, requestLogger);
      if (refusal) return [refusal];
      switch (request.kind) {
        case 'none':
          return typeof payload.query === 'string' ? payload.query : '';
        case 'text':
        case 'text-with-id':
          return request.text;
        case 'id': {
          const hash = request.hash;
          const text = hash === null ? undefined : await documents.get(hash);
          const result = hash === null || text === undefined ? 'miss' : manifest().has(hash) ? 'manifest' : 'apq';
          metrics.lookups.inc({ audience, result });
          return text ?? [PersistedDocumentError.notFound()];
        }
      }
    },

    async start() {
      await store.start();
      // Awaited for at most a second: a gateway that has just started must see what the others registered (the
      // first lookups raced the connection and missed, sending clients back to resend their text), while an
      // unreachable Redis never holds the start: past the bound, APQ is this process's memory until it answers.
      const connecting = redis
        ?.connect()
        .then(() => true)
        .catch((error: unknown) => {
          logger.warn({ err: error }, 'APQ cache: Redis unreachable at start; registrations stay in memory until it is back');
          return false;
        });
      if (connecting) {
        let bound: NodeJS.Timeout | undefined;
        await Promise.race([connecting, new Promise((resolve) => (bound = setTimeout(resolve, APQ_CONNECT_WAIT_MS)))]);
        clearTimeout(bound);
      }
    },
    async stop() {
      store.stop();
      redis?.disconnect();
    },
  };
}
