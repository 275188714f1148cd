import type { SubgraphOrm } from '../create-orm';
import { lazyFork } from '../lazy-fork';

describe('lazyFork', () => {
  it('forks nothing until asked, then forks once and hands out the same EntityManager', () => {
    const forks: object[] = [];
    const orm = { em: { fork: () => forks[forks.push({ fork: forks.length }) - 1] } } as unknown as SubgraphOrm;
    const em = lazyFork(orm);
    expect(forks).toHaveLength(0);
    const first = em();
    expect(em()).toBe(first);
    expect(forks).toEqual([first]);
  });
});
