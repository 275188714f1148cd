import { createLogger, hashApiKey, memoryRevocations, newApiKeySecret, type ApiKeyLookupAnswer, type ApiKeyRevocations } from '@techally/platform';
import { createApiKeyAuthenticator, type ApiKeyAuthenticator } from '../api-key-authenticator';

const silent = createLogger({ name: 'test', level: 'silent' });
const KEY_ID = '11111111-2222-4333-8444-555555555555';

/** A lookup that knows some hashes and counts what it is asked, like the users subgraph's route. */
function fakeLookup() {
  const answers = new Map<string, ApiKeyLookupAnswer>();
  const state = { calls: 0, failing: false };
  return {
    state,
    answers,
    activate(secret: string, expiresAt = new Date(Date.now() + 3_600_000), tier = 'premium') {
      answers.set(hashApiKey(secret), {
        status: 'active',
        key: { id: KEY_ID, name: 'Acme', ownerId: 'owner-1', tier, expiresAt: expiresAt.toISOString() },
      });
    },
    lookup: async (keyHash: string): Promise<ApiKeyLookupAnswer> => {
      state.calls += 1;
      if (state.failing) throw new Error('users is down');
      return answers.get(keyHash) ?? { status: 'unknown' };
    },
  };
}

function authenticator(
  lookup: ReturnType<typeof fakeLookup>,
  options: { revocations?: ApiKeyRevocations; now?: () => number; cacheSeconds?: number } = {},
): ApiKeyAuthenticator {
  return createApiKeyAuthenticator({
    lookup: lookup.lookup,
    revocations: options.revocations ?? memoryRevocations(),
    cacheSeconds: options.cacheSeconds ?? 30,
    cacheEntries: 100,
    logger: silent,
    ...(options.now ? { now: options.now } : {}),
  });
}

async function refusal(promise: Promise<unknown>): Promise<{ code: unknown; message: string; status: unknown }> {
  try {
    await promise;
  } catch (error) {
    const { extensions, message } = error as { extensions: Record<string, unknown>; message: string };
    return { code: extensions['code'], message, status: (extensions['http'] as { status?: number } | undefined)?.status };
  }
  throw new Error('expected a refusal');
}

describe('the API-key authenticator', () => {
  it('answers null without the header, and asks no one', async () => {
    const lookup = fakeLookup();
    expect(await authenticator(lookup).partnerFrom({})).toBeNull();
    expect(lookup.state.calls).toBe(0);
  });

  it('fills the partner from a valid key: id, name, owner, tier', async () => {
    const lookup = fakeLookup();
    const secret = newApiKeySecret();
    lookup.activate(secret);
    expect(await authenticator(lookup).partnerFrom({ 'x-api-key': secret })).toEqual({
      keyId: KEY_ID,
      name: 'Acme',
      ownerId: 'owner-1',
      tier: 'premium',
    });
  });

  it('looks a key up once for many requests, and once for many concurrent ones', async () => {
    const lookup = fakeLookup();
    const secret = newApiKeySecret();
    lookup.activate(secret);
    const auth = authenticator(lookup);
    await Promise.all(Array.from({ length: 50 }, () => auth.partnerFrom({ 'x-api-key': secret })));
    for (let i = 0; i < 20; i += 1) await auth.partnerFrom({ 'x-api-key': secret });
    expect(lookup.state.calls).toBe(1);
  });

  it('refuses a made-up key without a lookup: a flood of random keys costs the users service nothing', async () => {
    const lookup = fakeLookup();
    const auth = authenticator(lookup);
    for (let i = 0; i < 500; i += 1) {
      const random = `tak_live_${Math.random().toString(36).slice(2).padEnd(46, 'x')}`;
      expect(await refusal(auth.partnerFrom({ 'x-api-key': random }))).toMatchObject({ code: 'UNAUTHENTICATED', status: 401 });
    }
    expect(lookup.state.calls).toBe(0);
  });

  it('looks each well-formed unknown key up once, then remembers the refusal', async () => {
    const lookup = fakeLookup();
    const auth = authenticator(lookup);
    const unknown = Array.from({ length: 20 }, () => newApiKeySecret());
    for (let round = 0; round < 3; round += 1) {
      for (const secret of unknown) {
        expect(await refusal(auth.partnerFrom({ 'x-api-key': secret }))).toMatchObject({ message: 'Invalid or revoked API key.' });
      }
    }
    expect(lookup.state.calls).toBe(20);
  });

  it('has at most maxConcurrentLookups lookups in flight, whatever the flood of distinct keys', async () => {
    let inFlight = 0;
    let most = 0;
    const lookup = fakeLookup();
    const counting = {
      ...lookup,
      lookup: async (hash: string) => {
        inFlight += 1;
        most = Math.max(most, inFlight);
        await new Promise((resolve) => setImmediate(resolve));
        inFlight -= 1;
        return lookup.lookup(hash);
      },
    };
    const auth = createApiKeyAuthenticator({
      lookup: counting.lookup,
      revocations: memoryRevocations(),
      cacheSeconds: 30,
      cacheEntries: 1_000,
      maxConcurrentLookups: 4,
      logger: silent,
    });
    const answers = await Promise.allSettled(Array.from({ length: 40 }, () => auth.partnerFrom({ 'x-api-key': newApiKeySecret() })));
    expect(answers.every((answer) => answer.status === 'rejected')).toBe(true);
    expect(lookup.state.calls).toBe(40);
    expect(most).toBe(4);
  });

  it('refuses a revoked key at once when the revocation is heard, though it was cached', async () => {
    const lookup = fakeLookup();
    const revocations = memoryRevocations();
    const secret = newApiKeySecret();
    lookup.activate(secret);
    const auth = authenticator(lookup, { revocations });
    await auth.partnerFrom({ 'x-api-key': secret });
    lookup.answers.set(hashApiKey(secret), { status: 'unknown' });
    await revocations.publish(KEY_ID);
    expect(await refusal(auth.partnerFrom({ 'x-api-key': secret }))).toMatchObject({ code: 'UNAUTHENTICATED', message: 'Invalid or revoked API key.' });
  });

  it('does not keep the answer of a lookup that was in flight when a revocation came', async () => {
    const revocations = memoryRevocations();
    const secret = newApiKeySecret();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const lookup = fakeLookup();
    lookup.activate(secret);
    const slow = { ...lookup, lookup: async (hash: string) => (await gate, lookup.lookup(hash)) };
    const auth = authenticator(slow, { revocations });
    const first = auth.partnerFrom({ 'x-api-key': secret });
    await revocations.publish(KEY_ID);
    release();
    await first;
    lookup.answers.set(hashApiKey(secret), { status: 'unknown' });
    expect(await refusal(auth.partnerFrom({ 'x-api-key': secret }))).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('trusts no cached valid key while revocations cannot be heard', async () => {
    const lookup = fakeLookup();
    const secret = newApiKeySecret();
    lookup.activate(secret);
    const deaf: ApiKeyRevocations = { ...memoryRevocations(), isListening: () => false };
    const auth = authenticator(lookup, { revocations: deaf });
    for (let i = 0; i < 3; i += 1) await auth.partnerFrom({ 'x-api-key': secret });
    expect(lookup.state.calls).toBe(3);
  });

  it('refuses an expired key as expired, also one that expires while cached', async () => {
    let now = Date.now();
    const lookup = fakeLookup();
    const secret = newApiKeySecret();
    lookup.activate(secret, new Date(now + 10_000));
    const auth = authenticator(lookup, { now: () => now });
    await auth.partnerFrom({ 'x-api-key': secret });
    now += 10_000;
    lookup.answers.set(hashApiKey(secret), { status: 'expired' });
    expect(await refusal(auth.partnerFrom({ 'x-api-key': secret }))).toMatchObject({
      code: 'UNAUTHENTICATED',
      message: 'The API key has expired; ask for a new one.',
    });
  });

  it('refuses a key sent with an access token: a partner is an anonymous reader', async () => {
    const lookup = fakeLookup();
    const secret = newApiKeySecret();
    lookup.activate(secret);
    const answer = await refusal(authenticator(lookup).partnerFrom({ 'x-api-key': secret, authorization: 'Bearer x' }));
    expect(answer).toMatchObject({ code: 'UNAUTHENTICATED', status: 401 });
  });

  it('answers SERVICE_UNAVAILABLE (503) when the lookup fails, and remembers nothing', async () => {
    const lookup = fakeLookup();
    const secret = newApiKeySecret();
    lookup.activate(secret);
    lookup.state.failing = true;
    const auth = authenticator(lookup);
    expect(await refusal(auth.partnerFrom({ 'x-api-key': secret }))).toMatchObject({ code: 'SERVICE_UNAVAILABLE', status: 503 });
    lookup.state.failing = false;
    expect(await auth.partnerFrom({ 'x-api-key': secret })).toMatchObject({ keyId: KEY_ID });
  });

  it('gives a tier it does not know the smallest budget', async () => {
    const lookup = fakeLookup();
    const secret = newApiKeySecret();
    lookup.activate(secret, undefined, 'platinum');
    expect(await authenticator(lookup).partnerFrom({ 'x-api-key': secret })).toMatchObject({ tier: 'basic' });
  });
});
