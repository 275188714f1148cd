import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Logger } from '@techally/platform';
import { Kind, parse } from 'graphql';

/** The manifest codegen writes for the web client (hash → document), relative to this package as from dist/. */
export const DEFAULT_PERSISTED_DOCUMENTS_PATH = resolve(__dirname, '../../clients/web/src/gql/persisted-documents.json');

/**
 * The operation names of the persisted-documents manifest: the operations the graph's own clients send, and
 * so the only names the gateway's metrics keep as label values (any other is `other`). A missing or unreadable
 * manifest is logged and leaves every operation `other` — metrics stay bounded either way.
 */
export function knownOperationNames(path: string, logger: Logger): string[] {
  try {
    const manifest = JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>;
    const names = new Set<string>();
    for (const document of Object.values(manifest)) {
      for (const definition of parse(document).definitions) {
        if (definition.kind === Kind.OPERATION_DEFINITION && definition.name) names.add(definition.name.value);
      }
    }
    return [...names];
  } catch (error) {
    logger.warn({ err: error, path }, 'persisted-documents manifest unreadable; every operation is labelled "other" in metrics');
    return [];
  }
}
