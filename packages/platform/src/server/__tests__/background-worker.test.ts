import { createIntervalWorker, startWorkers, type BackgroundWorker } from '../background-worker';

function recordingWorker(name: string, log: string[], failStart = false): BackgroundWorker {
  return {
    name,
    async start() {
      if (failStart) throw new Error(`${name} cannot start`);
      log.push(`start ${name}`);
    },
    async stop() {
      log.push(`stop ${name}`);
    },
  };
}

describe('startWorkers', () => {
  it('starts in order and stops newest first', async () => {
    const log: string[] = [];
    const stop = await startWorkers([recordingWorker('relay', log), recordingWorker('consumer', log)]);
    await stop();
    expect(log).toEqual(['start relay', 'start consumer', 'stop consumer', 'stop relay']);
  });

  it('stops the workers already started when a later one fails to start, and rethrows', async () => {
    const log: string[] = [];
    await expect(
      startWorkers([recordingWorker('relay', log), recordingWorker('consumer', log, true), recordingWorker('sweeper', log)]),
    ).rejects.toThrow('consumer cannot start');
    expect(log).toEqual(['start relay', 'stop relay']);
  });
});

describe('createIntervalWorker', () => {
  it('runs its task repeatedly, never twice at once, reports errors and waits for the task in hand on stop', async () => {
    let active = 0;
    let maxActive = 0;
    let runs = 0;
    const errors: unknown[] = [];
    const worker = createIntervalWorker({
      name: 'sweeper',
      intervalMs: 5,
      task: async () => {
        active += 1;
        maxActive = Math.max(maxActive, active);
        runs += 1;
        await new Promise((resolve) => setTimeout(resolve, 10));
        active -= 1;
        if (runs === 2) throw new Error('one bad sweep');
      },
      onError: (error) => errors.push(error),
    });
    await worker.start();
    while (runs < 4) await new Promise((resolve) => setTimeout(resolve, 5));
    await worker.stop();
    const runsAtStop = runs;
    expect(active).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(runs).toBe(runsAtStop);
    expect(maxActive).toBe(1);
    expect(errors).toEqual([new Error('one bad sweep')]);
  });
});
