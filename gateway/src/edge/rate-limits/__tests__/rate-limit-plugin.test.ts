import { ApolloServer } from '@apollo/server';
import { createLogger } from '@techally/platform';
import { Registry } from 'prom-client';
import type { GatewayContext } from '../../../context';
import type { PartnerCaller } from '../../partner-caller';
import { loadRateLimitConfig } from '../rate-limit-config';
import { rateLimitPlugin } from '../rate-limit-plugin';
import { RateLimits } from '../rate-limits';

// The plugin in Apollo Server's own pipeline, with a partner in the context (what the API-key work fills in).
describe('the rate-limit plugin', () => {
  const logger = createLogger({ name: 'test', level: 'silent' });
  let resolved = 0;
  const limits = new RateLimits({
    config: loadRateLimitConfig({ GATEWAY_RATE_LIMIT_PARTNER_BASIC: '2' }, 'test'),
    trustedProxies: 0,
    costOf: () => 1,
    redisUrl: undefined,
    registry: new Registry(),
    logger,
  });
  const server = new ApolloServer<GatewayContext>({
    typeDefs: 'type Query { catalogue: Int }',
    resolvers: { Query: { catalogue: () => ++resolved } },
    plugins: [rateLimitPlugin(limits)],
  });
  beforeAll(() => server.start());
  afterAll(() => server.stop());

  const partner: PartnerCaller = { keyId: 'key-basic', name: 'Acme', ownerId: 'owner', tier: 'basic' };
  const contextValue = { requestId: 'r', headers: {}, logger, remoteAddress: '198.51.100.9', viewer: null, partner } as GatewayContext;

  it('charges a partner’s key at its tier and refuses beyond it with 429, Retry-After and RATE_LIMITED, before execution', async () => {
    for (let index = 0; index < 2; index++) {
      const admitted = await server.executeOperation({ query: '{ catalogue }' }, { contextValue });
      expect(admitted.body.kind === 'single' && admitted.body.singleResult.errors).toBeUndefined();
    }
    const refused = await server.executeOperation({ query: '{ catalogue }' }, { contextValue });
    expect(refused.http.status).toBe(429);
    const retryAfter = Number(refused.http.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(refused.body.kind).toBe('single');
    const [error] = refused.body.kind === 'single' ? refused.body.singleResult.errors! : [];
    expect(error!.extensions).toEqual({ code: 'RATE_LIMITED', retryAfterSeconds: retryAfter, budget: 'partner-basic' });
    expect(error!.message).toBe(
      `Rate limit reached: this API key (its tier's budget) may spend 2 points per 60 s (an expensive query spends more than one). Retry after ${retryAfter} s.`,
    );
    expect(resolved).toBe(2);
  });
});
