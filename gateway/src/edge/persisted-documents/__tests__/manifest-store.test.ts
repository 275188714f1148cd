import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '@techally/platform';
import { eventually } from '@techally/testing';
import { documentHashOf } from '../manifest';
import { ManifestStore, type ManifestReload } from '../manifest-store';

const logger = createLogger({ name: 'test', level: 'silent' });
const entry = (text: string) => ({ [`sha256:${documentHashOf(text)}`]: text });
const first = 'query First { categories { id } }';
const second = 'query Second { categories { slug } }';

describe('the live manifest store', () => {
  let directory: string;
  let path: string;
  let store: ManifestStore;
  const reloads: ManifestReload[] = [];
  const replace = (text: string) => {
    writeFileSync(`${path}.next`, text);
    renameSync(`${path}.next`, path);
  };

  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'manifest-store-'));
    path = join(directory, 'persisted-documents.json');
    reloads.length = 0;
    store = new ManifestStore({ path, logger, debounceMs: 10, onReload: (reload) => reloads.push(reload) });
  });
  afterEach(() => {
    store.stop();
    rmSync(directory, { recursive: true, force: true });
  });

  it('follows the file across replacements, and keeps the previous manifest when a new one is broken', async () => {
    writeFileSync(path, JSON.stringify(entry(first)));
    await store.start();
    expect(store.current.has(documentHashOf(first))).toBe(true);

    replace(JSON.stringify({ ...entry(first), ...entry(second) }));
    await eventually(() => reloads.length === 2, 'the second manifest');
    expect(store.current.size).toBe(2);
    expect(store.current.hasOperationNamed('Second')).toBe(true);

    replace('{ "half written": ');
    await eventually(() => reloads.length === 3, 'the broken manifest');
    expect(reloads[2]!.outcome).toBe('refused');
    expect(store.current.size).toBe(2);

    replace(JSON.stringify(entry(second)));
    await eventually(() => reloads.length === 4, 'a good manifest again');
    expect(store.current.has(documentHashOf(first))).toBe(false);
  });

  it('starts empty without a file, and loads it when it appears', async () => {
    await store.start();
    expect(store.current.size).toBe(0);
    replace(JSON.stringify(entry(first)));
    await eventually(() => reloads.length === 1, 'the manifest to appear');
    expect(store.current.size).toBe(1);
  });
});
