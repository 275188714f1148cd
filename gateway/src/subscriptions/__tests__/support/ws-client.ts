import { createClient, type Client, type FormattedExecutionResult } from 'graphql-ws';
import WebSocket from 'ws';

export type Ending = { readonly completed: true } | { readonly error: unknown };

/** What a graphql-ws subscription received: its results, and how it ended. */
export interface Received {
  readonly results: FormattedExecutionResult[];
  readonly ended: Promise<Ending>;
  dispose(): void;
}

export function wsClient(httpUrl: string, connectionParams: Record<string, unknown> = {}): Client {
  return createClient({ url: httpUrl.replace(/^http/, 'ws'), webSocketImpl: WebSocket, connectionParams, retryAttempts: 0, lazy: true });
}

export function subscribe(client: Client, query: string, variables: Record<string, unknown> = {}): Received {
  const results: FormattedExecutionResult[] = [];
  let dispose = () => {};
  const ended = new Promise<Ending>((resolve) => {
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

/**
 * A client that speaks graphql-ws by hand so a test can stop READING its socket (`pause()`), as a client on a
 * slow network would: the gateway's writes then back up and its per-subscription queue fills.
 */
export interface RawSubscriber {
  readonly messages: Array<{ type: string; id?: string; payload?: FormattedExecutionResult }>;
  /** Settles with the close code and reason when the connection closes. */
  readonly closed: Promise<{ readonly code: number; readonly reason: string }>;
  pause(): void;
  resume(): void;
  close(): void;
}

export async function rawSubscriber(
  httpUrl: string,
  query: string,
  variables: Record<string, unknown> = {},
  connectionParams: Record<string, unknown> = {},
): Promise<RawSubscriber> {
  const socket = new WebSocket(httpUrl.replace(/^http/, 'ws'), 'graphql-transport-ws');
  const messages: RawSubscriber['messages'] = [];
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.once('close', (code, reason) => resolve({ code, reason: String(reason) })),
  );
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: connectionParams })));
    socket.once('error', reject);
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as RawSubscriber['messages'][number];
      if (message.type === 'connection_ack') {
        socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query, variables } }));
        resolve();
        return;
      }
      messages.push(message);
    });
  });
  return {
    messages,
    closed,
    pause: () => socket.pause(),
    resume: () => socket.resume(),
    close: () => socket.close(),
  };
}

/** Polls until `condition` holds: tests wait for a state, never for a time. */
export async function eventually(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A metric's value on a `/metrics` page, summed over the label sets that contain `labels`. */
export async function metricValue(graphqlUrl: string, name: string, labels = ''): Promise<number> {
  const text = await (await fetch(graphqlUrl.replace('/graphql', '/metrics'))).text();
  return text
    .split('\n')
    .filter((line) => (line.startsWith(`${name} `) || line.startsWith(`${name}{`)) && line.includes(labels))
    .reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);
}
