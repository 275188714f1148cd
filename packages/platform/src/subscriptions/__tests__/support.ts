import { createClient, type Client, type FormattedExecutionResult } from 'graphql-ws';
import WebSocket from 'ws';

/** What a graphql-ws subscription received: its results, and how it ended. */
export interface Received {
  readonly results: FormattedExecutionResult[];
  /** Settles when the subscription completes (`complete`) or fails (`error`: GraphQL errors or a close event). */
  readonly ended: Promise<{ readonly completed: true } | { readonly error: unknown }>;
  dispose(): void;
}

export function wsClient(url: string, connectionParams: Record<string, unknown> = {}): Client {
  return createClient({ url: url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, connectionParams, retryAttempts: 0, lazy: true });
}

export function subscribe(client: Client, query: string, variables: Record<string, unknown> = {}): Received {
  const results: FormattedExecutionResult[] = [];
  let dispose = () => {};
  const ended = new Promise<{ completed: true } | { error: unknown }>((resolve) => {
    dispose = client.subscribe(
      { query, variables },
      {
        next: (result) => void results.push(result as FormattedExecutionResult),
        error: (error) => resolve({ error }),
        complete: () => resolve({ completed: true }),
      },
    );
  });
  return { results, ended, dispose: () => dispose() };
}

/** Polls until `condition` holds: tests wait for a state, never for a time. */
export async function eventually(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A gauge's value on a `/metrics` page (summed over its label sets). */
export async function metricValue(graphqlUrl: string, name: string): Promise<number> {
  const text = await (await fetch(graphqlUrl.replace('/graphql', '/metrics'))).text();
  return text
    .split('\n')
    .filter((line) => line.startsWith(`${name} `) || line.startsWith(`${name}{`))
    .reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);
}
