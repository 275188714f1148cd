import { calculateJwkThumbprint, exportJWK, exportPKCS8, generateKeyPair } from 'jose';
import { print, type DocumentNode } from 'graphql';
import { createClient, type Client, type FormattedExecutionResult } from 'graphql-ws';
import WebSocket from 'ws';
import { OUTBOX_ENTITY, outboxRelayLockName, qualifiedTableName } from '@techally/events';
import type { SubgraphApp } from '@techally/platform';
import type { TestSigningKey } from '@techally/testing';

/** A generated client document (TypedDocumentNode's shape: the result and variables types ride along). */
export type TypedDocument<Data, Variables> = DocumentNode & { __apiType?: (variables: Variables) => Data };

/** How a subscription ended: completed by the server (after its last result), or failed (the socket closed). */
export type Ending = { readonly completed: true } | { readonly error: unknown };

/** A live subscription as a storefront holds it: what it received so far, and how it ended. */
export interface LiveFeed<Data> {
  readonly results: Array<FormattedExecutionResult<Data>>;
  readonly ended: Promise<Ending>;
  /** Resolves with the first `count` results once that many arrived (fails the test after a generous wait). */
  received(count: number): Promise<Array<FormattedExecutionResult<Data>>>;
  dispose(): void;
}

/**
 * A real graphql-ws client (the protocol and library a browser would use), on the gateway's `/graphql`. The
 * access token goes in `connectionParams.authorization`, as browsers must (they cannot set WebSocket headers).
 * No retries: a test wants to see a connection refused or closed, not hidden by a reconnect.
 */
export function liveClient(gatewayUrl: string, accessToken?: string): Client {
  return createClient({
    url: gatewayUrl.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: accessToken ? { authorization: `Bearer ${accessToken}` } : {},
    retryAttempts: 0,
    lazy: true,
  });
}

/** Subscribes with a generated (typed) client document. */
export function follow<Data, Variables extends Record<string, unknown>>(
  client: Client,
  document: TypedDocument<Data, Variables>,
  variables: Variables,
): LiveFeed<Data> {
  const results: Array<FormattedExecutionResult<Data>> = [];
  let dispose = () => {};
  const ended = new Promise<Ending>((resolve) => {
    dispose = client.subscribe<Data>(
      { query: print(document), variables },
      {
        next: (result) => void results.push(result as FormattedExecutionResult<Data>),
        error: (error) => resolve({ error }),
        complete: () => resolve({ completed: true }),
      },
    );
  });
  return {
    results,
    ended,
    async received(count) {
      await eventually(() => results.length >= count, `${count} result(s); got ${JSON.stringify(results)}`);
      return results.slice(0, count);
    },
    dispose: () => dispose(),
  };
}

/** Polls until `condition` holds: these tests wait for a state, never for a time. */
export async function eventually(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 45_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** A metric's value on a server's `/metrics` page (summed over its label sets). */
export async function metricValue(graphqlUrl: string, name: string): Promise<number> {
  const text = await (await fetch(graphqlUrl.replace(/\/graphql$/, '/metrics'))).text();
  return text
    .split('\n')
    .filter((line) => line.startsWith(`${name} `) || line.startsWith(`${name}{`))
    .reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);
}

/**
 * Waits until a subgraph holds exactly `count` subscriptions. A subgraph counts a subscription only once its
 * pub/sub stream is live (the feeds resolve `subscribe` after that), so from then on no event is missed: the
 * tests make their change only after this.
 */
export function subgraphSubscriptions(subgraphUrl: string, count: number): Promise<void> {
  return eventually(
    async () => (await metricValue(subgraphUrl, 'graphql_subscriptions_active')) === count,
    `${count} live subscription(s) on ${subgraphUrl}`,
  );
}

/**
 * The users subgraph's signing key, chosen by the test (JWT_SIGNING_KEY): tokens the test signs itself with it
 * are as genuine as a log-in's, so it can sign one that expires in seconds (log-in tokens live ≥ 30 s).
 */
export async function usersSigningKey(): Promise<{ key: TestSigningKey; pem: string }> {
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  const jwk = await exportJWK(publicKey);
  // The users subgraph names its key by the RFC 7638 thumbprint of the public part; so must the test's tokens.
  const kid = await calculateJwkThumbprint({ kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y } as never);
  return { key: { privateKey, publicJwk: { ...jwk, kid }, kid }, pem: await exportPKCS8(privateKey) };
}

/** The issuer and audience the graph's verifiers expect by default (users, gateway and subgraphs alike). */
export const TOKEN_ISSUER = 'https://techally.local/users';
export const TOKEN_AUDIENCE = 'techally-graph';

/**
 * Holds a subgraph's outbox relay (real PostgreSQL only) until released: takes, in a transaction of its own, the
 * advisory lock every relay batch takes first in exclusive mode (the default; `outboxRelayLockName`). Events then wait in the outbox — committed, unpublished — so a test can
 * subscribe before the first event of a change it just made is published.
 */
export async function holdOutboxRelay(app: SubgraphApp): Promise<{ release(): Promise<void>; unpublished(aggregateId: string): Promise<number> }> {
  const table = qualifiedTableName(app.orm.em, OUTBOX_ENTITY);
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  let locked = () => {};
  const isLocked = new Promise<void>((resolve) => (locked = resolve));
  const held = app.orm.em.fork().transactional(async (em) => {
    await em.execute(`select pg_advisory_xact_lock(hashtext(?))`, [outboxRelayLockName(table)]);
    locked();
    await released;
  });
  await Promise.race([isLocked, held]);
  return {
    async release() {
      release();
      await held;
    },
    async unpublished(aggregateId) {
      const rows = await app.orm.em
        .fork()
        .execute<Array<{ count: string }>>(`select count(*) as "count" from ${table} where "aggregate_id" = ? and "published_at" is null`, [aggregateId]);
      return Number(rows[0]?.count ?? 0);
    },
  };
}
