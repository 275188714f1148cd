import { readFile } from 'node:fs/promises';
import type { Logger } from '@techally/platform';
import { watchFile, type StopWatching } from '../../watched-file';
import { PersistedDocumentManifest } from './manifest';

/** What became of a manifest file read: served, or refused (the previous manifest keeps serving). */
export type ManifestReload =
  | { readonly outcome: 'loaded'; readonly documents: number }
  | { readonly outcome: 'refused'; readonly error: unknown };

export interface ManifestStoreOptions {
  readonly path: string;
  readonly logger: Logger;
  /** Changes within this window are read once (default 200 ms, as the supergraph). */
  readonly debounceMs?: number;
  /** Told of every load (the first one included): metrics, and tests wait on it rather than on a sleep. */
  readonly onReload?: (reload: ManifestReload) => void;
}

/**
 * The live persisted-documents manifest: read at start and re-read whenever its file changes (`pnpm codegen`
 * on a running gateway), like the supergraph — no restart. A file that does not parse or whose ids are not
 * the hashes of their documents is refused and logged, and the previous manifest keeps serving: a deploy that
 * ships a broken manifest must not turn every partner request into PERSISTED_QUERY_NOT_FOUND.
 *
 * A missing file at start is an empty manifest (logged): the gateway still serves first-party traffic, and the
 * file is picked up when it appears.
 */
export class ManifestStore {
  private manifest = PersistedDocumentManifest.EMPTY;
  private text: string | null = null;
  private stopWatching: StopWatching | undefined;

  constructor(private readonly options: ManifestStoreOptions) {}

  /** The manifest serving now (swapped whole on a reload, so a request sees one manifest throughout). */
  get current(): PersistedDocumentManifest {
    return this.manifest;
  }

  async start(): Promise<void> {
    const { path, logger } = this.options;
    try {
      this.accept(await readFile(path, 'utf8'));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        logger.warn({ path }, 'persisted-documents manifest missing: no document ids are served until it appears');
      } else {
        this.refuse(error);
      }
    }
    try {
      this.stopWatching = watchFile(path, {
        debounceMs: this.options.debounceMs ?? 200,
        onText: (text) => this.accept(text),
        onError: (error, stage) => {
          if (stage === 'watch') logger.error({ err: error, path }, 'persisted-documents manifest watcher failed; reloads stop');
          else this.refuse(error);
        },
      });
    } catch (error) {
      // The directory itself is missing: nothing to watch; the gateway serves what it has.
      logger.error({ err: error, path }, 'persisted-documents manifest cannot be watched; it will not be reloaded');
    }
  }

  stop(): void {
    this.stopWatching?.();
    this.stopWatching = undefined;
  }

  private accept(text: string): void {
    if (text === this.text) return;
    let next: PersistedDocumentManifest;
    try {
      next = PersistedDocumentManifest.parse(text);
    } catch (error) {
      this.refuse(error);
      return;
    }
    const first = this.text === null;
    this.manifest = next;
    this.text = text;
    this.options.logger.info({ path: this.options.path, documents: next.size }, first ? 'persisted-documents manifest loaded' : 'persisted-documents manifest reloaded');
    this.options.onReload?.({ outcome: 'loaded', documents: next.size });
  }

  private refuse(error: unknown): void {
    this.options.logger.error(
      { err: error, path: this.options.path, documents: this.manifest.size },
      'persisted-documents manifest refused; still serving the previous one',
    );
    this.options.onReload?.({ outcome: 'refused', error });
  }
}
