import { readFile } from 'node:fs/promises';
import { watch, type FSWatcher } from 'node:fs';
import type { SupergraphSdlHook } from '@apollo/gateway';
import type { Logger } from '@techally/platform';

/**
 * Serves the supergraph from a file and hands every change to the gateway, which recomposes its query planner
 * without a restart. A file that fails to load (half written, invalid) is logged and the running schema kept:
 * Apollo Gateway validates the SDL in `update()` and throws rather than serving a broken graph.
 */
export function supergraphFromFile(path: string, logger: Logger, debounceMs = 200): SupergraphSdlHook {
  return async ({ update }) => {
    const initial = await readFile(path, 'utf8');
    let current = initial;
    let timer: NodeJS.Timeout | undefined;
    const reload = async () => {
      try {
        const next = await readFile(path, 'utf8');
        if (next === current || next.trim() === '') return;
        update(next);
        current = next;
        logger.info({ path }, 'supergraph reloaded');
      } catch (error) {
        logger.error({ err: error, path }, 'supergraph change rejected; still serving the previous one');
      }
    };
    // Editors and `pnpm compose` replace the file (rename), so watch it by name and re-arm on every event.
    let watcher: FSWatcher | undefined = watch(path, () => {
      clearTimeout(timer);
      timer = setTimeout(() => void reload(), debounceMs);
    });
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
