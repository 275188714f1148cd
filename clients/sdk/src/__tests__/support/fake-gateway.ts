import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type OperationDefinitionNode } from 'graphql';

/** The SDK's manifest: document id (`sha256:<hex>`) → operation name. */
export const SDK_OPERATIONS: ReadonlyMap<string, string> = new Map(
  Object.entries(JSON.parse(readFileSync(join(__dirname, '../../gql/persisted-documents.json'), 'utf8')) as Record<string, string>).map(([hash, text]) => {
    const operation = parse(text).definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition');
    return [hash, operation!.name!.value];
  }),
);

export interface RecordedRequest {
  readonly body: Record<string, unknown>;
  readonly operation: string | undefined;
  readonly authorization: string | undefined;
}

export type Answer = { readonly status?: number; readonly body: unknown } | 'hang-up';
export type Handler = (request: RecordedRequest) => Answer | Promise<Answer>;

/**
 * A stand-in for the gateway's HTTP side: answers each SDK operation (found by its document id) with a handler of
 * the test's, records every request as it came over the wire.
 */
export async function startFakeGateway(handlers: Readonly<Record<string, Handler>>): Promise<{ url: string; server: Server; requests: RecordedRequest[]; close(): Promise<void> }> {
  const requests: RecordedRequest[] = [];
  const server = createServer(async (req, res) => {
    const body = JSON.parse(await bodyOf(req)) as Record<string, unknown>;
    const operation = typeof body['documentId'] === 'string' ? SDK_OPERATIONS.get(body['documentId']) : undefined;
    const request = { body, operation, authorization: req.headers.authorization };
    requests.push(request);
    const handler = operation ? handlers[operation] : undefined;
    const answer: Answer = handler ? await handler(request) : { body: { errors: [{ message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }] } };
    if (answer === 'hang-up') return void req.socket.destroy();
    res.writeHead(answer.status ?? 200, { 'content-type': 'application/json' });
    res.end(typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    server,
    requests,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** An AuthPayload whose access token expires `inMs` from now. */
export function authPayload(accessToken: string, refreshToken: string, inMs = 15 * 60_000) {
  return {
    accessToken,
    accessTokenExpiresAt: new Date(Date.now() + inMs).toISOString(),
    refreshToken,
    user: { __typename: 'User', id: 'u1', email: 'ada@example.com', name: 'Ada' },
  };
}

function bodyOf(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (text += chunk));
    req.on('end', () => resolve(text));
    req.on('error', reject);
  });
}
