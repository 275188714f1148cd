import { createRecordLoader } from '../entity-loaders';

interface Row {
  readonly id: string;
  readonly name: string;
}

function loaderOver(rows: Row[]) {
  const batches: string[][] = [];
  const loader = createRecordLoader(
    async (ids: ReadonlyArray<string>) => {
      batches.push([...ids]);
      return rows.filter((row) => ids.includes(row.id));
    },
    (row: Row) => row.id,
  );
  return { loader, batches };
}

describe('createRecordLoader', () => {
  it('batches the keys of one tick into one load and answers null for a missing key', async () => {
    const { loader, batches } = loaderOver([{ id: 'a', name: 'A' }, { id: 'b', name: 'B' }]);
    expect(await Promise.all([loader.load('b'), loader.load('a'), loader.load('x')])).toEqual([{ id: 'b', name: 'B' }, { id: 'a', name: 'A' }, null]);
    expect(batches).toEqual([['b', 'a', 'x']]);
  });

  it('peeks, without waiting, only at what it has loaded or been primed with', async () => {
    const { loader, batches } = loaderOver([{ id: 'a', name: 'A' }]);
    expect(loader.peek('a')).toBeUndefined();
    await loader.load('a');
    await loader.load('x');
    expect(loader.peek('a')).toEqual({ id: 'a', name: 'A' });
    expect(loader.peek('x')).toBeNull();
    loader.prime('p', { id: 'p', name: 'Primed' });
    expect(loader.peek('p')).toEqual({ id: 'p', name: 'Primed' });
    expect(await loader.load('p')).toEqual({ id: 'p', name: 'Primed' });
    expect(batches).toEqual([['a'], ['x']]);
  });

  it('keeps a known row when primed again, as DataLoader does, and replaces it after clear', async () => {
    const { loader } = loaderOver([]);
    loader.prime('k', { id: 'k', name: 'first' });
    loader.prime('k', { id: 'k', name: 'second' });
    expect(loader.peek('k')).toEqual({ id: 'k', name: 'first' });
    expect(await loader.load('k')).toEqual({ id: 'k', name: 'first' });
    loader.clear('k').prime('k', { id: 'k', name: 'second' });
    expect(loader.peek('k')).toEqual({ id: 'k', name: 'second' });
    expect(await loader.load('k')).toEqual({ id: 'k', name: 'second' });
    loader.clearAll();
    expect(loader.peek('k')).toBeUndefined();
  });
});
