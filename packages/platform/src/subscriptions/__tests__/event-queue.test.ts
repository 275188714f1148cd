import { EventQueue } from '../event-queue';

async function drain<T>(queue: EventQueue<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of queue) items.push(item);
  return items;
}

describe('EventQueue', () => {
  it('hands items to the consumer in the order they were pushed', async () => {
    const queue = new EventQueue<number>({ limit: 10 });
    queue.push(1);
    queue.push(2);
    const pending = queue.next();
    expect(await pending).toEqual({ value: 1, done: false });
    queue.push(3);
    queue.end();
    expect(await drain(queue)).toEqual([2, 3]);
  });

  it('wakes a waiting consumer with the next push', async () => {
    const queue = new EventQueue<string>({ limit: 1 });
    const pending = queue.next();
    queue.push('a');
    expect(await pending).toEqual({ value: 'a', done: false });
  });

  it('drops the oldest item when full and counts what it dropped', async () => {
    const dropped: number[] = [];
    const queue = new EventQueue<number>({ limit: 3, onDrop: (item) => dropped.push(item) });
    for (let i = 1; i <= 7; i++) queue.push(i);
    expect(queue.size).toBe(3);
    expect(queue.dropped).toBe(4);
    expect(dropped).toEqual([1, 2, 3, 4]);
    expect(queue.takeDropped()).toBe(4);
    expect(queue.takeDropped()).toBe(0);
    queue.end();
    expect(await drain(queue)).toEqual([5, 6, 7]);
  });

  it('always accepts the final item given to end(), dropping an older one for it', async () => {
    const queue = new EventQueue<string>({ limit: 2 });
    queue.push('a');
    queue.push('b');
    queue.end('last');
    expect(queue.push('late')).toBe(false);
    expect(await drain(queue)).toEqual(['b', 'last']);
    expect(queue.dropped).toBe(1);
  });

  it('raises a failure after what was queued before it', async () => {
    const queue = new EventQueue<number>({ limit: 5 });
    queue.push(1);
    queue.fail(new Error('upstream lost'));
    expect(await queue.next()).toEqual({ value: 1, done: false });
    await expect(queue.next()).rejects.toThrow('upstream lost');
  });

  it('on return() releases the producer once, ends a waiting consumer and refuses later pushes', async () => {
    const onReturn = jest.fn();
    const queue = new EventQueue<number>({ limit: 5, onReturn });
    const pending = queue.next();
    await queue.return();
    await queue.return();
    expect(await pending).toEqual({ value: undefined, done: true });
    expect(onReturn).toHaveBeenCalledTimes(1);
    expect(queue.push(1)).toBe(false);
  });

  it('does not call onReturn when the producer ended it first', async () => {
    const onReturn = jest.fn();
    const queue = new EventQueue<number>({ limit: 5, onReturn });
    queue.end();
    await queue.return();
    expect(onReturn).not.toHaveBeenCalled();
  });

  it('refuses a limit that is not a positive integer', () => {
    expect(() => new EventQueue({ limit: 0 })).toThrow(RangeError);
  });
});
