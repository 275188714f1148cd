import type { DocumentRequest } from './document-request';
import { documentHashOf, type PersistedDocumentManifest } from './manifest';
import type { Audience, Refusal } from './persisted-document-errors';

/**
 * PERSISTED_DOCUMENTS: `off` checks nothing (ids are still served: that is harmless), `log` serves what
 * `enforce` would refuse and logs and counts it (the audit step before enforcing), `enforce` refuses it.
 */
export const PERSISTED_DOCUMENTS_MODES = ['off', 'log', 'enforce'] as const;
export type PersistedDocumentsMode = (typeof PERSISTED_DOCUMENTS_MODES)[number];

/**
 * PERSISTED_DOCUMENTS_FIRST_PARTY: what a caller without an API key (the graph's own apps, and anyone else on
 * the internet) may send. `any`: any full text, and APQ registrations. `manifest`: only documents of the
 * manifest — by id, or by their exact text (what Apollo Router's safelist does; it refuses APQ beside it too,
 * since a register-anything cache would undo the list).
 */
export const FIRST_PARTY_DOCUMENTS = ['any', 'manifest'] as const;
export type FirstPartyDocuments = (typeof FIRST_PARTY_DOCUMENTS)[number];

export interface PersistedDocumentPolicy {
  readonly mode: PersistedDocumentsMode;
  readonly firstParty: FirstPartyDocuments;
}

export type Verdict =
  | { readonly action: 'serve' }
  /** Answer the refusal's error; nothing is parsed, planned or fetched. */
  | { readonly action: 'refuse'; readonly refusal: Refusal }
  /** `log` mode: serve, but log and count what `enforce` would have refused. */
  | { readonly action: 'serve-and-log'; readonly refusal: Refusal };

/**
 * The persisted-document rules, for HTTP and WebSocket alike (gateway/README.md, *Persisted documents*):
 * - a text sent with an id that is not its SHA-256 is refused in every mode (Apollo does so too): otherwise a
 *   client could file any document under an id the manifest gives another;
 * - partners (an API key) send ids of the manifest only: a full document is PERSISTED_QUERY_NOT_IN_LIST, an id
 *   outside the manifest (APQ-registered ones included: anyone may register) PERSISTED_QUERY_NOT_FOUND;
 * - first-party callers send anything under `any`; under `manifest`, ids and texts of the manifest only.
 * Whatever is served, APQ and the manifest resolve it (persisted-document-cache).
 */
export function decide(
  request: DocumentRequest,
  audience: Audience,
  policy: PersistedDocumentPolicy,
  manifest: PersistedDocumentManifest,
): Verdict {
  if (request.kind === 'none') return SERVE;
  if (request.kind === 'text-with-id' && (request.hash === null || documentHashOf(request.text) !== request.hash)) {
    return { action: 'refuse', refusal: 'hash-mismatch' };
  }
  if (policy.mode === 'off') return SERVE;
  const refusal = audience === 'partner' ? partnerRefusal(request, manifest) : firstPartyRefusal(request, policy.firstParty, manifest);
  if (refusal === null) return SERVE;
  return policy.mode === 'enforce' ? { action: 'refuse', refusal } : { action: 'serve-and-log', refusal };
}

const SERVE: Verdict = { action: 'serve' };

function partnerRefusal(request: Exclude<DocumentRequest, { kind: 'none' }>, manifest: PersistedDocumentManifest): Refusal | null {
  if (request.kind !== 'id') return 'not-in-list';
  return request.hash !== null && manifest.has(request.hash) ? null : 'not-found';
}

function firstPartyRefusal(
  request: Exclude<DocumentRequest, { kind: 'none' }>,
  firstParty: FirstPartyDocuments,
  manifest: PersistedDocumentManifest,
): Refusal | null {
  if (firstParty === 'any') return null;
  switch (request.kind) {
    case 'id':
      return request.hash !== null && manifest.has(request.hash) ? null : 'not-found';
    case 'text-with-id':
      return request.hash !== null && manifest.has(request.hash) ? null : 'not-in-list';
    case 'text':
      return manifest.has(documentHashOf(request.text)) ? null : 'not-in-list';
  }
}
