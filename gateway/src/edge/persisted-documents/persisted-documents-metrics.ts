import { Counter, Gauge, type Registry } from 'prom-client';

/**
 * Persisted documents on the gateway's `/metrics` (gateway/README.md, *Persisted documents*). Every label has
 * a fixed set of values, whatever clients send.
 */
export interface PersistedDocumentsMetrics {
  /** Requests naming a document by id, by `audience` and `result`: `manifest`, `apq` (hits) or `miss`. */
  readonly lookups: Counter<'audience' | 'result'>;
  /** Requests the rules refused (`enforced="true"`) or would have (`log` mode), by `audience` and `reason`. */
  readonly refusals: Counter<'audience' | 'reason' | 'enforced'>;
  /** Documents newly registered in the APQ cache. */
  readonly apqRegistrations: Counter;
  /** APQ cache commands to Redis that failed or timed out (the request went on as a miss), by `operation`. */
  readonly apqStoreErrors: Counter<'operation'>;
  /** Documents in the manifest serving now. */
  readonly manifestDocuments: Gauge;
  /** Manifest file loads, by `outcome`: `loaded` or `refused` (the previous one kept). */
  readonly manifestReloads: Counter<'outcome'>;
}

export function createPersistedDocumentsMetrics(registry: Registry): PersistedDocumentsMetrics {
  const counter = <L extends string>(name: string, help: string, labelNames: L[] = []) =>
    new Counter<L>({ name, help, labelNames, registers: [registry] });
  return {
    lookups: counter('persisted_documents_lookups_total', 'Requests naming a document by id, by audience and result (manifest, apq, miss).', ['audience', 'result']),
    refusals: counter('persisted_documents_refusals_total', 'Requests refused by the persisted-document rules (enforced="false": log mode, served).', ['audience', 'reason', 'enforced']),
    apqRegistrations: counter('persisted_documents_apq_registrations_total', 'Documents newly registered in the APQ cache.'),
    apqStoreErrors: counter('persisted_documents_apq_store_errors_total', 'APQ cache commands to Redis that failed or timed out, by operation.', ['operation']),
    manifestDocuments: new Gauge({ name: 'persisted_documents_manifest_documents', help: 'Documents in the persisted-documents manifest serving now.', registers: [registry] }),
    manifestReloads: counter('persisted_documents_manifest_reloads_total', 'Persisted-documents manifest loads, by outcome (loaded, refused).', ['outcome']),
  };
}
