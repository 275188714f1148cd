import { createLogger } from '@techally/platform';
import { buildSchema, getOperationAST, parse } from 'graphql';
import { Registry } from 'prom-client';
import type { PartnerCaller } from '../../partner-caller';
import type { OperationCostOf } from '../operation-cost-of';
import { loadRateLimitConfig } from '../rate-limit-config';
import { pointsFor, RateLimits, type LimitedRequest } from '../rate-limits';

const schema = buildSchema('type Query { a: Int } type Mutation { logIn(email: String, password: String): Int }');

function request(text: string, caller: { partner?: PartnerCaller; address?: string; userId?: string } = {}): LimitedRequest {
  const document = parse(text);
  return {
    headers: {},
    remoteAddress: caller.address ?? '198.51.100.9',
    viewer: caller.userId ? ({ userId: caller.userId, roles: ['CUSTOMER'] } as never) : null,
    partner: caller.partner ?? null,
    operation: { schema, document, definition: getOperationAST(document) ?? undefined, variables: {}, operationName: undefined },
  };
}

function limits(env: Record<string, string>, costOf: OperationCostOf = () => 1): RateLimits {
  return new RateLimits({
    config: loadRateLimitConfig({ GATEWAY_RATE_LIMIT_COST_PER_POINT: '1', ...env }, 'test'),
    trustedProxies: 0,
    costOf,
    redisUrl: undefined, // the embedded start's memory counters
    registry: new Registry(),
    logger: createLogger({ name: 'test', level: 'silent' }),
  });
}

async function admitted(rateLimits: RateLimits, make: () => LimitedRequest, times: number): Promise<number> {
  let count = 0;
  for (let index = 0; index < times; index++) if ((await rateLimits.admit(make())) === null) count += 1;
  return count;
}

describe('rate limits (memory counters)', () => {
  it('charge an expensive operation its cost: 10 points pay for two operations of cost 5', async () => {
    const rateLimits = limits({ GATEWAY_RATE_LIMIT_ANONYMOUS: '10' }, () => 5);
    expect(await admitted(rateLimits, () => request('{ a }'), 5)).toBe(2);
  });

  it('charge one point per started GATEWAY_RATE_LIMIT_COST_PER_POINT of cost', async () => {
    const perHundred = limits({ GATEWAY_RATE_LIMIT_ANONYMOUS: '10', GATEWAY_RATE_LIMIT_COST_PER_POINT: '100' }, () => 201);
    expect(await admitted(perHundred, () => request('{ a }'), 5)).toBe(3); // 3 points each
    expect(pointsFor(102, 100)).toBe(2);
    expect(pointsFor(33, 100)).toBe(1);
    expect(pointsFor(0, 100)).toBe(1);
    expect(pointsFor(Number.NaN, 100)).toBe(1);
  });

  it('round a fractional cost up and charge at least one point', async () => {
    expect(await admitted(limits({ GATEWAY_RATE_LIMIT_ANONYMOUS: '4' }, () => 1.5), () => request('{ a }'), 5)).toBe(2);
    expect(await admitted(limits({ GATEWAY_RATE_LIMIT_ANONYMOUS: '4' }, () => 0), () => request('{ a }'), 6)).toBe(4);
  });

  it('let an operation dearer than the whole budget run once per window (the cost limit decides what is too dear)', async () => {
    expect(await admitted(limits({ GATEWAY_RATE_LIMIT_ANONYMOUS: '10' }, () => 1_000), () => request('{ a }'), 3)).toBe(1);
  });

  it('size a partner’s budget by its key’s tier, one counter per key', async () => {
    const rateLimits = limits({ GATEWAY_RATE_LIMIT_PARTNER_BASIC: '2', GATEWAY_RATE_LIMIT_PARTNER_PREMIUM: '5' });
    const basic: PartnerCaller = { keyId: 'k-basic', name: 'Small', ownerId: 'o', tier: 'basic' };
    const premium: PartnerCaller = { keyId: 'k-premium', name: 'Big', ownerId: 'o', tier: 'premium' };
    const otherBasic: PartnerCaller = { ...basic, keyId: 'k-basic-2' };
    expect(await admitted(rateLimits, () => request('{ a }', { partner: basic }), 4)).toBe(2);
    expect(await admitted(rateLimits, () => request('{ a }', { partner: premium }), 7)).toBe(5);
    expect(await admitted(rateLimits, () => request('{ a }', { partner: otherBasic }), 4)).toBe(2);
  });

  it('answer which budget refused, its size, and a retry delay within the window', async () => {
    const rateLimits = limits({ GATEWAY_RATE_LIMIT_USER: '1', GATEWAY_RATE_LIMIT_WINDOW_SECONDS: '30' });
    expect(await rateLimits.admit(request('{ a }', { userId: 'u1' }))).toBeNull();
    const refusal = await rateLimits.admit(request('{ a }', { userId: 'u1' }));
    expect(refusal).toMatchObject({ budget: 'user', limit: { points: 1, windowSeconds: 30 } });
    expect(refusal!.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(refusal!.retryAfterSeconds).toBeLessThanOrEqual(30);
  });

  it('refuse at once a request carrying more guesses than the credential budget', async () => {
    const rateLimits = limits({ GATEWAY_RATE_LIMIT_CREDENTIALS: '3' });
    const guesses = (count: number) =>
      `mutation { ${Array.from({ length: count }, (_, index) => `g${index}: logIn(email: "${index}", password: "x")`).join(' ')} }`;
    expect(await rateLimits.admit(request(guesses(4)))).toMatchObject({ budget: 'credentials' });
    // Three in one request are three of the budget.
    expect(await rateLimits.admit(request(guesses(3), { address: '203.0.113.1' }))).toBeNull();
    expect(await rateLimits.admit(request(guesses(1), { address: '203.0.113.1' }))).toMatchObject({ budget: 'credentials' });
    // Another client's guesses, and this client's other requests, are not concerned.
    expect(await rateLimits.admit(request(guesses(1), { address: '203.0.113.2' }))).toBeNull();
    expect(await rateLimits.admit(request('{ a }'))).toBeNull();
  });
});
