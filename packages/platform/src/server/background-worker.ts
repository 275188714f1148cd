/**
 * Work a service does besides answering requests: an outbox relay, event consumers, a sweeper of expired
 * reservations. The subgraph assembly starts its workers once the server listens (migrations have run by
 * then) and stops them, newest first, after the server drained and before the database pool closes.
 */
export interface BackgroundWorker {
  /** For logs: `outbox-relay`, `orders.track-payment`, … */
  readonly name: string;
  /** Starts the work; resolves once it is running (a consumer group exists, a timer is set). */
  start(): Promise<void>;
  /** Stops taking new work and resolves once the work in hand has finished. */
  stop(): Promise<void>;
}

/**
 * Starts workers in order and returns the function that stops the ones started, newest first. When one fails
 * to start, those already started are stopped before the error is rethrown.
 */
export async function startWorkers(workers: ReadonlyArray<BackgroundWorker>): Promise<() => Promise<void>> {
  const started: BackgroundWorker[] = [];
  const stopAll = async () => {
    for (const worker of started.splice(0).reverse()) await worker.stop();
  };
  try {
    for (const worker of workers) {
      await worker.start();
      started.push(worker);
    }
  } catch (error) {
    await stopAll();
    throw error;
  }
  return stopAll;
}

/** A worker that runs `task` every `intervalMs` (never two at once), e.g. a sweeper. Errors go to `onError`. */
export function createIntervalWorker(options: {
  readonly name: string;
  readonly intervalMs: number;
  readonly task: () => Promise<void>;
  readonly onError: (error: unknown) => void;
}): BackgroundWorker {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let stopped = true;
  const tick = () => {
    running = options
      .task()
      .catch(options.onError)
      .finally(() => {
        running = null;
        if (!stopped) timer = setTimeout(tick, options.intervalMs);
      });
  };
  return {
    name: options.name,
    async start() {
      if (!stopped) return;
      stopped = false;
      timer = setTimeout(tick, options.intervalMs);
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await running;
    },
  };
}
