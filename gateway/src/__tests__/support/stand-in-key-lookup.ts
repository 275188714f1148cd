import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { hashApiKey, newApiKeySecret, type ApiKeyLookupAnswer } from '@techally/platform';

/** A key the stand-in issued: what the users subgraph's lookup would answer for it. */
export interface StandInKey {
  readonly secret: string;
  readonly id: string;
  readonly name: string;
  readonly ownerId: string;
  readonly tier: string;
}

/**
 * The users subgraph's `POST /internal/api-keys/lookup` for gateway tests that need no database: it answers for
 * the keys issued here and counts every lookup (how many reached "the users service").
 */
export interface StandInKeyLookup {
  readonly url: string;
  issue(options?: { tier?: string; expiresAt?: Date; name?: string }): StandInKey;
  /** Marks the key revoked here (the lookup answers `unknown`); announcing it to gateways is the test's part. */
  revoke(key: StandInKey): void;
  /** Lookups received since the start or the last reset, and the last request's headers. */
  lookups(): number;
  lastHeaders(): Record<string, string | string[] | undefined> | null;
  resetCounts(): void;
  /** While true, every lookup answers HTTP 500 (the users service failing). */
  failing: boolean;
  stop(): Promise<void>;
}

export async function startStandInKeyLookup(): Promise<StandInKeyLookup> {
  const keys = new Map<string, { key: StandInKey; expiresAt: Date; revoked: boolean }>();
  let count = 0;
  let headers: Record<string, string | string[] | undefined> | null = null;
  const state = { failing: false };
  const server = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      count += 1;
      headers = request.headers;
      if (state.failing) return void response.writeHead(500).end();
      const { keyHash } = JSON.parse(body) as { keyHash: string };
      const known = keys.get(keyHash);
      let answer: ApiKeyLookupAnswer = { status: 'unknown' };
      if (known && !known.revoked) {
        const { secret: _secret, ...key } = known.key;
        answer = known.expiresAt.getTime() <= Date.now()
          ? { status: 'expired' }
          : { status: 'active', key: { ...key, expiresAt: known.expiresAt.toISOString() } };
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/internal/api-keys/lookup`;
  return {
    url,
    issue(options = {}) {
      const key: StandInKey = {
        secret: newApiKeySecret(),
        id: randomUUID(),
        name: options.name ?? 'Stand-in partner',
        ownerId: randomUUID(),
        tier: options.tier ?? 'standard',
      };
      keys.set(hashApiKey(key.secret), { key, expiresAt: options.expiresAt ?? new Date(Date.now() + 86_400_000), revoked: false });
      return key;
    },
    revoke(key) {
      const known = keys.get(hashApiKey(key.secret));
      if (known) known.revoked = true;
    },
    lookups: () => count,
    lastHeaders: () => headers,
    resetCounts() {
      count = 0;
      headers = null;
    },
    get failing() {
      return state.failing;
    },
    set failing(value: boolean) {
      state.failing = value;
    },
    async stop() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
