import { MemoryResponseStore } from '../memory-response-store';

describe('the in-memory response store', () => {
  let now = 1_000;
  const store = () => new MemoryResponseStore(3, () => now);

  it('finds an entry under any of the keys asked, until it expires', async () => {
    const memory = store();
    const { ticket } = await memory.lookup(['a']);
    expect(await memory.store('a', '{"data":1}', ['t1'], 500, ticket)).toBe(true);
    expect((await memory.lookup(['b', 'a'])).body).toBe('{"data":1}');
    now += 500;
    expect((await memory.lookup(['a'])).body).toBeNull();
  });

  it('drops every entry filed under an invalidated tag, and only those', async () => {
    const memory = store();
    const { ticket } = await memory.lookup([]);
    await memory.store('listing', 'L', ['products:Query.products', 'products:Product:p1'], 10_000, ticket);
    await memory.store('page', 'P', ['products:Product:p2'], 10_000, ticket);
    expect(await memory.invalidate(['products:Product:p1'])).toBe(1);
    expect((await memory.lookup(['listing'])).body).toBeNull();
    expect((await memory.lookup(['page'])).body).toBe('P');
  });

  it('refuses the write-back of a read that started before an invalidation of one of its tags', async () => {
    const memory = store();
    const { ticket } = await memory.lookup(['listing']); // the read starts, and fetches the old price…
    await memory.invalidate(['products:Product:p1']); // …the price changes and is invalidated…
    // …then the read comes back with the old price: it must not be kept.
    expect(await memory.store('listing', 'old', ['products:Product:p1'], 10_000, ticket)).toBe(false);
    // A read unaffected by that invalidation is kept, and a read started after it too.
    expect(await memory.store('other', 'x', ['products:Product:p2'], 10_000, ticket)).toBe(true);
    expect(await memory.store('listing', 'new', ['products:Product:p1'], 10_000, (await memory.lookup([])).ticket)).toBe(true);
  });

  it('forgets everything at a new epoch, and refuses write-backs from the old one', async () => {
    const memory = store();
    const { ticket } = await memory.lookup([]);
    await memory.store('a', 'A', ['t'], 10_000, ticket);
    memory.distrust();
    expect((await memory.lookup(['a'])).body).toBeNull();
    expect(await memory.store('b', 'B', ['t'], 10_000, ticket)).toBe(false);
  });

  it('keeps at most its limit of entries, evicting the oldest', async () => {
    const memory = store();
    const { ticket } = await memory.lookup([]);
    for (const key of ['a', 'b', 'c', 'd']) await memory.store(key, key, ['t'], 10_000, ticket);
    expect(memory.size).toBe(3);
    expect((await memory.lookup(['a'])).body).toBeNull();
    expect(await memory.invalidate(['t'])).toBe(3);
  });
});
