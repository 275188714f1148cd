import { createHash } from 'node:crypto';
import { Kind, parse } from 'graphql';

/** A document id as the gateway keys it: the SHA-256 of the document's exact text, 64 lowercase hex digits. */
export type DocumentHash = string;

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** The hash a document's text is filed under (what codegen's `hashAlgorithm: sha256` and Apollo's APQ compute). */
export function documentHashOf(text: string): DocumentHash {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * A client's document id in any of the forms in use — `sha256:<hex>` (codegen's manifest keys, GraphQL over
 * HTTP's persisted-documents appendix, Hive, Yoga) or bare `<hex>` (Apollo's APQ `sha256Hash`) — as the hash
 * the gateway keys by; null for anything else (an id of another scheme is unknown here, and never a Redis key).
 */
export function documentHashFromId(id: string): DocumentHash | null {
  const hex = (id.startsWith('sha256:') ? id.slice('sha256:'.length) : id).toLowerCase();
  return SHA256_HEX.test(hex) ? hex : null;
}

/**
 * The persisted-documents manifest `pnpm codegen` writes (`{ "sha256:<hex>": "<document>" }`): ONE manifest for
 * every app and the SDK, built from every operation under clients/operations. Immutable: a new file makes a new
 * manifest, swapped in whole.
 */
export class PersistedDocumentManifest {
  static readonly EMPTY = new PersistedDocumentManifest(new Map(), []);

  private readonly names: ReadonlySet<string>;

  private constructor(
    private readonly documents: ReadonlyMap<DocumentHash, string>,
    operationNames: Iterable<string>,
  ) {
    this.names = new Set(operationNames);
  }

  /**
   * Parses and checks a manifest's text. Throws (with a message saying which entry) rather than serve a
   * half-written or hand-edited file: every key must be the SHA-256 of its document, and every document must
   * parse and hold at least one operation.
   */
  static parse(text: string): PersistedDocumentManifest {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new Error(`the manifest is not JSON: ${(error as Error).message}`);
    }
    if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new Error('the manifest is not an object of id → document');
    const documents = new Map<DocumentHash, string>();
    const names = new Set<string>();
    for (const [id, document] of Object.entries(json)) {
      const hash = documentHashFromId(id);
      if (!hash) throw new Error(`manifest id "${id}" is not a sha256 id`);
      if (typeof document !== 'string') throw new Error(`manifest entry ${id} is not a document`);
      if (documentHashOf(document) !== hash) throw new Error(`manifest entry ${id} is not the sha256 of its document`);
      let operations = 0;
      for (const definition of parse(document, { noLocation: true }).definitions) {
        if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
        operations += 1;
        if (definition.name) names.add(definition.name.value);
      }
      if (operations === 0) throw new Error(`manifest entry ${id} holds no operation`);
      documents.set(hash, document);
    }
    return new PersistedDocumentManifest(documents, names);
  }

  get size(): number {
    return this.documents.size;
  }

  document(hash: DocumentHash): string | undefined {
    return this.documents.get(hash);
  }

  has(hash: DocumentHash): boolean {
    return this.documents.has(hash);
  }

  /** Whether one of its documents defines an operation of this name (the metrics' bounded `operation` labels). */
  hasOperationNamed(name: string): boolean {
    return this.names.has(name);
  }
}
