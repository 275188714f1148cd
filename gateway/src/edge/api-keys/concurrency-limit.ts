/**
 * At most `limit` calls of `run` at once; the others wait their turn, in arrival order. What keeps a flood of
 * well-formed but unknown API keys (each a cache miss) from becoming a flood on the users subgraph: the flood
 * waits at the gateway instead (the per-client rate limits refuse it before that).
 */
export class ConcurrencyLimit {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly limit: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running += 1;
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      // The slot passes straight to the next in line, so a newcomer cannot overtake it.
      if (next) next();
      else this.running -= 1;
    }
  }
}
