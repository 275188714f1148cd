import { createClient, type Client, type FormattedExecutionResult } from 'graphql-ws';
import WebSocket from 'ws';

/** How a subscription ended: completed by the server, or failed (GraphQL errors, or a close event). */
export type Ending = { readonly completed: true } | { readonly error: unknown };

/** What a graphql-ws subscription received: its results in order, and how it ended. */
export interface Received<Data = Record<string, unknown>> {
  readonly results: Array<FormattedExecutionResult<Data>>;
  readonly ended: Promise<Ending>;
  dispose(): void;
}

/**
 * A real graphql-ws client (the library a browser uses) on a server's `/graphql` (http:// becomes ws://). No
 * retries: a test wants to see a connection refused or closed, not hidden by a reconnect.
 */
export function wsClient(httpUrl: string, connectionParams: Record<string, unknown> = {}): Client {
  return createClient({ url: httpUrl.replace(/^http/, 'ws'), webSocketImpl: WebSocket, connectionParams, retryAttempts: 0, lazy: true });
}

/** Subscribes and records every result and the ending. */
export function subscribe<Data = Record<string, unknown>>(client: Client, query: string, variables: Record<string, unknown> = {}): Received<Data> {
  const results: Array<FormattedExecutionResult<Data>> = [];
  let dispose = () => {};
  const ended = new Promise<Ending>((resolve) => {
    dispose = client.subscribe<Data>(
      { query, variables },
      {
        next: (result) => void results.push(result as FormattedExecutionResult<Data>),
        error: (error) => resolve({ error }),
        complete: () => resolve({ completed: true }),
      },
    );
  });
  return { results, ended, dispose: () => dispose() };
}

/** Polls until `condition` holds: tests wait for a state, never for a time. */
export async function eventually(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * A metric's value on a server's `/metrics` page (its `metricsUrl`: metrics have a port of their own), summed
 * over the label sets whose text contains `labels`.
 */
export async function metricValue(metricsUrl: string, name: string, labels = ''): Promise<number> {
  const response = await fetch(metricsUrl);
  if (!response.ok) throw new Error(`no metrics at ${metricsUrl}: HTTP ${response.status}`);
  const text = await response.text();
  return text
    .split('\n')
    .filter((line) => (line.startsWith(`${name} `) || line.startsWith(`${name}{`)) && line.includes(labels))
    .reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);
}
