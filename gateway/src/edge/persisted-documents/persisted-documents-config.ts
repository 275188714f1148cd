import { ConfigError } from '@techally/platform';
import {
  FIRST_PARTY_DOCUMENTS,
  PERSISTED_DOCUMENTS_MODES,
  type FirstPartyDocuments,
  type PersistedDocumentPolicy,
  type PersistedDocumentsMode,
} from './persisted-document-rules';

/** The persisted-documents settings (PERSISTED_DOCUMENTS*; gateway/README.md, *Persisted documents*). */
export interface PersistedDocumentsConfig extends PersistedDocumentPolicy {
  /** The manifest `pnpm codegen` writes (PERSISTED_DOCUMENTS_PATH): served by id, and the metrics' operation labels. */
  readonly manifestPath: string;
  /** How long an APQ registration lives (PERSISTED_DOCUMENTS_APQ_TTL_SECONDS, default 86400). */
  readonly apqTtlSeconds: number;
  /** Prefix of the APQ keys in Redis (PERSISTED_DOCUMENTS_APQ_KEY_PREFIX, default `<EVENTS_KEY_PREFIX>:apq`). */
  readonly apqKeyPrefix: string;
  /** A Redis command of the APQ cache slower than this is a miss (PERSISTED_DOCUMENTS_APQ_REDIS_TIMEOUT_MS, default 100). */
  readonly apqRedisTimeoutMs: number;
}

export const PERSISTED_DOCUMENTS_VARIABLES = Object.freeze({
  PERSISTED_DOCUMENTS: 'off, log or enforce (default: enforce in production, log otherwise): what the gateway does with a request its persisted-document rules refuse.',
  PERSISTED_DOCUMENTS_FIRST_PARTY: 'any or manifest (default: manifest in production, any otherwise): what a caller without an API key may send.',
  PERSISTED_DOCUMENTS_APQ_TTL_SECONDS: 'Life of an APQ registration (default 86400; 60 to 2592000).',
  PERSISTED_DOCUMENTS_APQ_KEY_PREFIX: 'Prefix of the APQ keys in Redis (default <EVENTS_KEY_PREFIX>:apq).',
  PERSISTED_DOCUMENTS_APQ_REDIS_TIMEOUT_MS: 'An APQ Redis command slower than this is a miss: the client resends the text (default 100).',
});

/** Reads PERSISTED_DOCUMENTS*; a bad value is a ConfigError naming the variable. */
export function loadPersistedDocumentsConfig(
  source: Record<string, string | undefined>,
  defaults: { readonly production: boolean; readonly eventsKeyPrefix: string; readonly manifestPath: string },
): PersistedDocumentsConfig {
  const problems: Record<string, string> = {};
  const choice = <T extends string>(name: string, allowed: ReadonlyArray<T>, fallback: T): T => {
    const text = source[name]?.trim().toLowerCase() || fallback;
    if (!allowed.includes(text as T)) problems[name] = `one of ${allowed.join(', ')}, got "${text}"`;
    return text as T;
  };
  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const text = source[name]?.trim() || String(fallback);
    const value = Number(text);
    if (!/^\d+$/.test(text) || value < min || value > max) problems[name] = `a whole number from ${min} to ${max}, got "${text}"`;
    return value;
  };
  const mode = choice<PersistedDocumentsMode>('PERSISTED_DOCUMENTS', PERSISTED_DOCUMENTS_MODES, defaults.production ? 'enforce' : 'log');
  const firstParty = choice<FirstPartyDocuments>('PERSISTED_DOCUMENTS_FIRST_PARTY', FIRST_PARTY_DOCUMENTS, defaults.production ? 'manifest' : 'any');
  const apqTtlSeconds = integer('PERSISTED_DOCUMENTS_APQ_TTL_SECONDS', 86_400, 60, 2_592_000);
  const apqRedisTimeoutMs = integer('PERSISTED_DOCUMENTS_APQ_REDIS_TIMEOUT_MS', 100, 1, 10_000);
  const apqKeyPrefix = source['PERSISTED_DOCUMENTS_APQ_KEY_PREFIX']?.trim() || `${defaults.eventsKeyPrefix}:apq`;
  if (!/^[A-Za-z0-9_.:-]{1,120}$/.test(apqKeyPrefix)) problems['PERSISTED_DOCUMENTS_APQ_KEY_PREFIX'] = 'letters, digits, _ . : - only (at most 120)';
  if (Object.keys(problems).length > 0) throw new ConfigError(problems);
  return Object.freeze({ mode, firstParty, manifestPath: defaults.manifestPath, apqTtlSeconds, apqKeyPrefix, apqRedisTimeoutMs });
}
