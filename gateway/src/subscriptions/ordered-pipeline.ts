export interface OrderedPipelineOptions<In, Out> {
  /** Inputs processed at once. */
  readonly concurrency: number;
  /** Inputs waiting for a slot, at most; beyond, the oldest waiting one is dropped. */
  readonly backlogLimit: number;
  /** Must not reject: turn failures into an output. */
  readonly process: (input: In) => Promise<Out>;
  /** Receives outputs in input order, whatever order they finished in. */
  readonly deliver: (output: Out, input: In) => void;
  readonly onDrop: (input: In) => void;
}

/**
 * Processes inputs concurrently and delivers the outputs in input order: an event whose entity fetches are slow
 * holds back the events after it instead of being overtaken (README.md, Design decisions, "events may finish out of order").
 * Memory is bounded: `concurrency` in flight plus `backlogLimit` waiting.
 */
export class OrderedPipeline<In, Out> {
  private readonly waiting: In[] = [];
  private readonly running: Array<{ readonly input: In; done: boolean; output?: Out }> = [];
  private readonly idleWaiters: Array<() => void> = [];
  private cancelled = false;

  constructor(private readonly options: OrderedPipelineOptions<In, Out>) {}

  push(input: In): void {
    if (this.cancelled) return;
    if (this.waiting.length >= this.options.backlogLimit) this.options.onDrop(this.waiting.shift() as In);
    this.waiting.push(input);
    this.pump();
  }

  /** Settles once everything pushed so far has been delivered (at once if cancelled). */
  idle(): Promise<void> {
    if (this.cancelled || (this.waiting.length === 0 && this.running.length === 0)) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Drops what waits, delivers nothing more (what is in flight finishes unseen). */
  cancel(): void {
    this.cancelled = true;
    this.waiting.length = 0;
    this.running.length = 0;
    this.settleIdle();
  }

  private pump(): void {
    while (!this.cancelled && this.running.length < this.options.concurrency && this.waiting.length > 0) {
      const slot: { readonly input: In; done: boolean; output?: Out } = { input: this.waiting.shift() as In, done: false };
      this.running.push(slot);
      void this.options.process(slot.input).then((output) => {
        slot.output = output;
        slot.done = true;
        this.flush();
      });
    }
    if (this.waiting.length === 0 && this.running.length === 0) this.settleIdle();
  }

  private flush(): void {
    while (!this.cancelled && this.running[0]?.done) {
      const slot = this.running.shift() as { readonly input: In; output?: Out };
      this.options.deliver(slot.output as Out, slot.input);
    }
    this.pump();
  }

  private settleIdle(): void {
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }
}
