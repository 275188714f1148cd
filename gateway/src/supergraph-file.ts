import { readFile } from 'node:fs/promises';
import type { SupergraphSdlHook } from '@apollo/gateway';
import type { Logger } from '@techally/platform';
import { watchFile } from './watched-file';

/** What became of a change to the supergraph file: served, or refused (the previous one keeps serving). */
export type SupergraphReload = { readonly outcome: 'loaded' } | { readonly outcome: 'refused'; readonly error: unknown };

export interface SupergraphFileOptions {
  /** Changes within this window are read once (a write and a rename arrive as several events). */
  readonly debounceMs?: number;
  /** Told of every reload attempt (metrics; tests wait on it rather than on a sleep). */
  readonly onReload?: (reload: SupergraphReload) => void;
}

/**
 * Serves the supergraph from a file and hands every change to the gateway, which recomposes its query planner
 * without a restart. A file that fails to load (half written, invalid) is logged, reported as refused and the
 * running schema kept: Apollo Gateway validates the SDL in `update()` and throws rather than serving a broken
 * graph. The file is followed by `watchFile` (its directory is watched: the file is replaced by renames).
 */
export function supergraphFromFile(path: string, logger: Logger, options: SupergraphFileOptions = {}): SupergraphSdlHook {
  return async ({ update }) => {
    const initial = await readFile(path, 'utf8');
    let current = initial;
    const stopWatching = watchFile(path, {
      debounceMs: options.debounceMs ?? 200,
      onText(next) {
        if (next === current) return;
        try {
          if (next.trim() === '') throw new Error('the supergraph file is empty');
          update(next);
        } catch (error) {
          logger.error({ err: error, path }, 'supergraph change refused; still serving the previous one');
          options.onReload?.({ outcome: 'refused', error });
          return;
        }
        current = next;
        logger.info({ path }, 'supergraph reloaded');
        options.onReload?.({ outcome: 'loaded' });
      },
      onError(error, stage) {
        if (stage === 'watch') {
          logger.error({ err: error, path }, 'supergraph watcher failed; reloads stop');
          return;
        }
        logger.error({ err: error, path }, 'supergraph file unreadable; still serving the previous one');
        options.onReload?.({ outcome: 'refused', error });
      },
    });
    return {
      supergraphSdl: initial,
      async cleanup() {
        stopWatching();
      },
    };
  };
}
