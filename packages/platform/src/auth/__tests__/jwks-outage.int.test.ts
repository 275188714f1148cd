import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTestSigningKey, signTestToken, type TestSigningKey } from '@techally/testing';
import { createAccessTokenVerifier, JWKS_RETRY_AFTER_FAILURE_MS } from '../jwt-verifier';

const ISSUER = 'https://issuer.test';
const AUDIENCE = 'techally-graph';

/** A JWKS endpoint the test breaks and mends (the users subgraph restarting behind a load balancer: 502/503). */
async function startJwks(key: TestSigningKey): Promise<{ url: URL; fetches(): number; fail(status: number | null): void; close(): Promise<void> }> {
  let fetches = 0;
  let failing: number | null = null;
  const server: Server = createServer((_request, response) => {
    fetches += 1;
    if (failing !== null) return void response.writeHead(failing).end('upstream unavailable');
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [key.publicJwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`),
    fetches: () => fetches,
    fail: (status) => (failing = status),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe('a JWKS endpoint that answers with an error', () => {
  it('is SERVICE_UNAVAILABLE (retry later), never "your token is malformed" (which logs the client out)', async () => {
    const key = await createTestSigningKey('k1');
    const jwks = await startJwks(key);
    try {
      jwks.fail(503);
      const verifier = createAccessTokenVerifier({ keys: jwks.url, issuer: ISSUER, audience: AUDIENCE });
      await expect(verifier.verify(await signTestToken(key, { sub: 'u', issuer: ISSUER, audience: AUDIENCE }))).rejects.toMatchObject({
        extensions: { code: 'SERVICE_UNAVAILABLE', http: { status: 503 } },
      });
    } finally {
      await jwks.close();
    }
  });

  it('is asked again only after a pause, however many tokens arrive meanwhile, and serves again once mended', async () => {
    const key = await createTestSigningKey('k1');
    const jwks = await startJwks(key);
    let clock = 1_000_000;
    try {
      jwks.fail(500);
      const verifier = createAccessTokenVerifier({ keys: jwks.url, issuer: ISSUER, audience: AUDIENCE, now: () => clock });
      const tokens = await Promise.all(Array.from({ length: 10 }, (_, index) => signTestToken(key, { sub: `u${index}`, issuer: ISSUER, audience: AUDIENCE })));
      for (const token of tokens) await expect(verifier.verify(token)).rejects.toMatchObject({ extensions: { code: 'SERVICE_UNAVAILABLE' } });
      expect(jwks.fetches()).toBe(1);

      jwks.fail(null);
      clock += JWKS_RETRY_AFTER_FAILURE_MS;
      await expect(verifier.verify(tokens[0]!)).resolves.toMatchObject({ userId: 'u0' });
      expect(jwks.fetches()).toBe(2);
    } finally {
      await jwks.close();
    }
  });
});
