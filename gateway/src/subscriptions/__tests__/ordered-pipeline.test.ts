import { OrderedPipeline } from '../ordered-pipeline';

/** A process step each input of which the test finishes by hand, in any order. */
function manualSteps() {
  const pending = new Map<number, (output: string) => void>();
  return {
    process: (input: number) => new Promise<string>((resolve) => pending.set(input, resolve)),
    finish: (input: number) => pending.get(input)!(`out-${input}`),
    started: () => [...pending.keys()],
  };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('OrderedPipeline', () => {
  it('delivers in input order whatever order the processing finishes in', async () => {
    const steps = manualSteps();
    const delivered: string[] = [];
    const pipeline = new OrderedPipeline<number, string>({
      concurrency: 3,
      backlogLimit: 10,
      process: steps.process,
      deliver: (output) => delivered.push(output),
      onDrop: () => undefined,
    });
    [1, 2, 3].forEach((input) => pipeline.push(input));
    steps.finish(3);
    steps.finish(2);
    await settle();
    expect(delivered).toEqual([]);
    steps.finish(1);
    await settle();
    expect(delivered).toEqual(['out-1', 'out-2', 'out-3']);
  });

  it('runs at most `concurrency` at once and drops the oldest waiting input beyond the backlog', async () => {
    const steps = manualSteps();
    const dropped: number[] = [];
    const delivered: string[] = [];
    const pipeline = new OrderedPipeline<number, string>({
      concurrency: 2,
      backlogLimit: 2,
      process: steps.process,
      deliver: (output) => delivered.push(output),
      onDrop: (input) => dropped.push(input),
    });
    [1, 2, 3, 4, 5, 6].forEach((input) => pipeline.push(input));
    expect(steps.started()).toEqual([1, 2]);
    expect(dropped).toEqual([3, 4]);
    steps.finish(1);
    steps.finish(2);
    await settle();
    steps.finish(5);
    steps.finish(6);
    await pipeline.idle();
    expect(delivered).toEqual(['out-1', 'out-2', 'out-5', 'out-6']);
  });

  it('delivers nothing more once cancelled, and is idle at once', async () => {
    const steps = manualSteps();
    const delivered: string[] = [];
    const pipeline = new OrderedPipeline<number, string>({
      concurrency: 1,
      backlogLimit: 5,
      process: steps.process,
      deliver: (output) => delivered.push(output),
      onDrop: () => undefined,
    });
    pipeline.push(1);
    pipeline.push(2);
    pipeline.cancel();
    await pipeline.idle();
    steps.finish(1);
    await settle();
    expect(delivered).toEqual([]);
  });
});
