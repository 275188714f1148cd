import type { AnyEventEnvelope, EventBus, EventType } from '@techally/events';

/**
 * Polls `probe` until it returns something other than undefined/false, or fails after `timeoutMs` naming `what`.
 * The bound is a safety net, never an assertion on time.
 */
export async function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 15));
  }
}

/** Every event of the given types that reaches the bus, as a consumer group of the test's own receives them. */
export interface EventProbe {
  readonly received: ReadonlyArray<AnyEventEnvelope>;
  /** The events about one aggregate (an order, a product), in the order received. */
  about(aggregateId: string): AnyEventEnvelope[];
  /** Waits for the first event of `type` about `aggregateId`. */
  next(type: EventType, aggregateId: string): Promise<AnyEventEnvelope>;
  stop(): Promise<void>;
}

export async function probeEvents(bus: EventBus, types: EventType[], group = 'test.probe'): Promise<EventProbe> {
  const received: AnyEventEnvelope[] = [];
  const subscription = await bus.subscribe({
    group,
    consumer: `${group}-1`,
    types,
    handler: async (event) => {
      received.push(event as AnyEventEnvelope);
    },
  });
  const about = (aggregateId: string) => received.filter((event) => event.aggregateId === aggregateId);
  return {
    received,
    about,
    next: (type, aggregateId) =>
      waitFor(`${type} about ${aggregateId}`, () => about(aggregateId).find((event) => event.type === type)),
    stop: () => subscription.stop(),
  };
}
