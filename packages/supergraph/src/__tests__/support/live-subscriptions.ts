import { calculateJwkThumbprint, exportJWK, exportPKCS8, generateKeyPair } from 'jose';
import { print, type DocumentNode } from 'graphql';
import type { Client, FormattedExecutionResult } from 'graphql-ws';
import { OUTBOX_ENTITY, outboxRelayLockName, qualifiedTableName } from '@techally/events';
import type { SubgraphApp } from '@techally/platform';
import { eventually as eventuallyWithin, metricValue, subscribe, wsClient, type Ending, type Received, type TestSigningKey } from '@techally/testing';

/** A generated client document (TypedDocumentNode's shape: the result and variables types ride along). */
export type TypedDocument<Data, Variables> = DocumentNode & { __apiType?: (variables: Variables) => Data };

/** A live subscription as a storefront holds it: what it received so far, and how it ended. */
export interface LiveFeed<Data> extends Received<Data> {
  /** Resolves with the first `count` results once that many arrived (fails the test after a generous wait). */
  received(count: number): Promise<Array<FormattedExecutionResult<Data>>>;
}

export type { Ending };

/**
 * A real graphql-ws client (the protocol and library a browser would use), on the gateway's `/graphql`. The
 * access token goes in `connectionParams.authorization`, as browsers must (they cannot set WebSocket headers).
 * No retries: a test wants to see a connection refused or closed, not hidden by a reconnect.
 */
export function liveClient(gatewayUrl: string, accessToken?: string): Client {
  return wsClient(gatewayUrl, accessToken ? { authorization: `Bearer ${accessToken}` } : {});
}

/** Subscribes with a generated (typed) client document. */
export function follow<Data, Variables extends Record<string, unknown>>(
  client: Client,
  document: TypedDocument<Data, Variables>,
  variables: Variables,
): LiveFeed<Data> {
  const feed = subscribe<Data>(client, print(document), variables);
  return {
    ...feed,
    async received(count) {
      await eventually(() => feed.results.length >= count, `${count} result(s); got ${JSON.stringify(feed.results)}`);
      return feed.results.slice(0, count);
    },
  };
}

/** `eventually` with the generous wait these whole-supergraph tests need on a loaded machine (45 s). */
export function eventually(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 45_000): Promise<void> {
  return eventuallyWithin(condition, what, timeoutMs);
}

export { metricValue };

/**
 * Waits until a subgraph (its `metricsUrl`) holds exactly `count` subscriptions. A subgraph counts a subscription only once its
 * pub/sub stream is live (the feeds resolve `subscribe` after that), so from then on no event is missed: the
 * tests make their change only after this.
 */
export function subgraphSubscriptions(metricsUrl: string, count: number): Promise<void> {
  return eventually(
    async () => (await metricValue(metricsUrl, 'graphql_subscriptions_active')) === count,
    `${count} live subscription(s) on ${metricsUrl}`,
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
