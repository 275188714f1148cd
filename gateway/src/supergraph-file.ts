import { readFile } from 'node:fs/promises';
import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { SupergraphSdlHook } from '@apollo/gateway';
import type { Logger } from '@techally/platform';

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
 * graph.
 *
 * The directory is watched, not the file: `pnpm compose` and editors replace the file by renaming a new one
 * over it, and a watcher on the file follows the old inode, so it saw the first replacement and never another
 * (issue #9, item 2).
 */
export function supergraphFromFile(path: string, logger: Logger, options: SupergraphFileOptions = {}): SupergraphSdlHook {
  const debounceMs = options.debounceMs ?? 200;
  const name = basename(path);
  return async ({ update }) => {
    const initial = await readFile(path, 'utf8');
    let current = initial;
    let timer: NodeJS.Timeout | undefined;
    const reload = async () => {
      let next: string;
      try {
        next = await readFile(path, 'utf8');
      } catch (error) {
        // Between an unlink and the rename of its replacement: the event of the rename follows.
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
        throw error;
      }
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
    };
    let watcher: FSWatcher | undefined = watch(dirname(path), (_event, filename) => {
      if (filename !== null && filename.toString() !== name) return;
      clearTimeout(timer);
      timer = setTimeout(() => {
        reload().catch((error: unknown) => {
          logger.error({ err: error, path }, 'supergraph file unreadable; still serving the previous one');
          options.onReload?.({ outcome: 'refused', error });
        });
      }, debounceMs);
    });
    watcher.on('error', (error) => logger.error({ err: error, path }, 'supergraph watcher failed; reloads stop'));
    return {
      supergraphSdl: initial,
      async cleanup() {
        clearTimeout(timer);
        watcher?.close();
        watcher = undefined;
      },
    };
  };
}
