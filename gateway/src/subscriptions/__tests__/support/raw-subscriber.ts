import type { FormattedExecutionResult } from 'graphql-ws';
import WebSocket from 'ws';

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
