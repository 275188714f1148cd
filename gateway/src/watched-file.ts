import { readFile } from 'node:fs/promises';
import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';

export interface WatchedFileOptions {
  /** Changes within this window are read once (a write and a rename arrive as several events). */
  readonly debounceMs: number;
  /** The file's text after a change; what to do with it (and whether it is new) is the caller's. */
  readonly onText: (text: string) => void | Promise<void>;
  /** The file could not be read, `onText` threw, or the watcher itself failed (then reloads stop). */
  readonly onError: (error: unknown, stage: 'read' | 'watch') => void;
}

/** Stops watching. */
export type StopWatching = () => void;

/**
 * Hands every change of a file to `onText`, without a restart: what the supergraph and the
 * persisted-documents manifest are served from.
 *
 * The directory is watched, not the file: `pnpm compose`, `pnpm codegen` and editors replace the file by
 * renaming a new one over it, and a watcher on the file follows the old inode, so it saw the first replacement
 * and never another (issue #9, item 2). Between the unlink and the rename of its replacement the file is
 * missing: that read is skipped, the rename's event follows.
 */
export function watchFile(path: string, options: WatchedFileOptions): StopWatching {
  const name = basename(path);
  let timer: NodeJS.Timeout | undefined;
  const read = async () => {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    await options.onText(text);
  };
  let watcher: FSWatcher | undefined = watch(dirname(path), (_event, filename) => {
    if (filename !== null && filename.toString() !== name) return;
    clearTimeout(timer);
    timer = setTimeout(() => read().catch((error: unknown) => options.onError(error, 'read')), options.debounceMs);
  });
  watcher.on('error', (error) => options.onError(error, 'watch'));
  return () => {
    clearTimeout(timer);
    watcher?.close();
    watcher = undefined;
  };
}
