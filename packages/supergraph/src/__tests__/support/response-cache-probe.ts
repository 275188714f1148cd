import { randomUUID } from 'node:crypto';
import type { AnyEventEnvelope, EventBus, EventType, Subscription } from '@techally/events';
import { eventually, metricValue, postGraphQL, type GraphQLResponse } from '@techally/testing';

/** One answer of the gateway, with whether its response cache gave it (`x-cache: HIT`). */
export interface CachedRead<Data> {
  readonly body: GraphQLResponse<Data>;
  readonly hit: boolean;
}

export async function readThroughGateway<Data = Record<string, unknown>>(
  gatewayUrl: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<CachedRead<Data>> {
  const response = await fetch(gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { body: (await response.json()) as GraphQLResponse<Data>, hit: response.headers.get('x-cache') === 'HIT' };
}

/** An access token, as a storefront gets it from logIn. */
export async function accessTokenOf(gatewayUrl: string, email: string, password: string): Promise<string> {
  const { data, errors } = await postGraphQL<{ logIn: { accessToken: string } }>(
    gatewayUrl,
    'mutation ($email: String!, $password: String!) { logIn(email: $email, password: $password) { accessToken } }',
    { email, password },
  );
  if (!data?.logIn) throw new Error(`logIn failed: ${JSON.stringify(errors)}`);
  return data.logIn.accessToken;
}

/**
 * Sees the same events the gateway's response cache consumes, in a consumer group of the test's own, so a test
 * can wait for "the gateway applied every invalidation published so far" instead of sleeping: each group gets
 * every event, so once the gateway counted as many invalidations of a type as this watch saw, the event the test
 * waited for has been applied.
 */
export class InvalidationWatch {
  private readonly seen: AnyEventEnvelope[] = [];
  private subscription: Subscription | null = null;

  private constructor(
    private readonly metricsUrl: string,
    private readonly types: readonly EventType[],
  ) {}

  static async start(bus: EventBus, metricsUrl: string, types: readonly EventType[]): Promise<InvalidationWatch> {
    const watch = new InvalidationWatch(metricsUrl, types);
    watch.subscription = await bus.subscribe({
      group: `test.response-cache-watch-${randomUUID()}`,
      consumer: 'watch',
      types,
      handler: async (envelope) => {
        watch.seen.push(envelope as AnyEventEnvelope);
      },
    });
    return watch;
  }

  /** Waits for an event matching `match`, then until the gateway applied it (and every earlier one). */
  async applied<T extends EventType>(type: T, match: (payload: Record<string, unknown>) => boolean): Promise<void> {
    await eventually(
      () => this.seen.some((envelope) => envelope.type === type && match(envelope.payload as unknown as Record<string, unknown>)),
      `a ${type} event matching the change`,
    );
    await this.settled();
  }

  /** Until the gateway applied every watched event seen so far. */
  async settled(): Promise<void> {
    for (const type of this.types) {
      const published = this.seen.filter((envelope) => envelope.type === type).length;
      await eventually(
        async () => (await metricValue(this.metricsUrl, 'response_cache_invalidations_total', `cause="${type}"`)) >= published,
        `the gateway to apply ${published} ${type} invalidation(s)`,
      );
    }
  }

  async stop(): Promise<void> {
    await this.subscription?.stop();
  }
}
