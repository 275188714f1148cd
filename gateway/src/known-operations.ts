import { resolve } from 'node:path';
import { ANONYMOUS_OPERATION, OTHER_OPERATION, type OperationLabel } from '@techally/platform';
import type { PersistedDocumentManifest } from './edge/persisted-documents/manifest';

/** The manifest codegen writes for every app and the SDK (hash → document), relative to this package as from dist/. */
export const DEFAULT_PERSISTED_DOCUMENTS_PATH = resolve(__dirname, '../../clients/persisted-documents.json');

/**
 * The `operation` label of the gateway's operation metrics: the operation's name when a document of the live
 * persisted-documents manifest defines it (the operations the graph's own clients send, so a bounded set),
 * `anonymous` without a name, `other` for any other. It follows the manifest as it is reloaded; a missing or
 * refused manifest leaves the names it had (none at start) — the metrics stay bounded either way.
 */
export function manifestOperationLabel(manifest: () => PersistedDocumentManifest): OperationLabel {
  return (name) => (!name ? ANONYMOUS_OPERATION : manifest().hasOperationNamed(name) ? name : OTHER_OPERATION);
}
