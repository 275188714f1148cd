import { createClient, me, productList, type TokenStorage } from '@techally/sdk';
import { authPayload, SDK_OPERATIONS, startFakeGateway } from './support/fake-gateway.js';

const PRODUCTS = { data: { products: { totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] } } };
const UNAUTHENTICATED = { errors: [{ message: 'Sign in first.', extensions: { code: 'UNAUTHENTICATED' } }] };

describe('@techally/sdk over HTTP', () => {
  const stops: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const stop of stops.splice(0)) await stop();
  });

  async function gateway(handlers: Parameters<typeof startFakeGateway>[0]) {
    const fake = await startFakeGateway(handlers);
    stops.push(() => fake.close());
    return fake;
  }

  it('sends document ids and variables only, never query text', async () => {
    const fake = await gateway({
      signIn: () => ({ body: { data: { logIn: authPayload('A1', 'R1') } } }),
      productList: () => ({ body: PRODUCTS }),
      me: () => ({ body: { data: { me: null } } }),
    });
    const client = createClient({ url: fake.url });
    expect((await client.auth.signIn('ada@example.com', 'a password')).ok).toBe(true);
    expect(await productList(client, { first: 5, sort: 'PRICE_ASC' })).toEqual({ ok: true, data: PRODUCTS.data });
    expect((await me(client)).ok).toBe(true);

    expect(fake.requests.map((r) => r.operation)).toEqual(['signIn', 'productList', 'me']);
    for (const { body } of fake.requests) {
      expect(Object.keys(body).sort()).toEqual(['documentId', 'variables']);
      expect(SDK_OPERATIONS.has(body['documentId'] as string)).toBe(true);
    }
    expect(fake.requests[1]!.body['variables']).toEqual({ first: 5, sort: 'PRICE_ASC' });
    expect(fake.requests.map((r) => r.authorization)).toEqual([undefined, 'Bearer A1', 'Bearer A1']);
  });

  it('refreshes a token about to expire once for every call waiting at that moment (single flight)', async () => {
    let refreshes = 0;
    const fake = await gateway({
      signIn: () => ({ body: { data: { logIn: authPayload('A1', 'R1', 5_000) } } }), // inside the 30 s margin
      refreshSession: ({ body }) => {
        refreshes++;
        expect(body['variables']).toEqual({ refreshToken: 'R1' });
        return { body: { data: { refreshSession: authPayload('A2', 'R2') } } };
      },
      productList: () => ({ body: PRODUCTS }),
    });
    const client = createClient({ url: fake.url });
    await client.auth.signIn('ada@example.com', 'a password');
    const results = await Promise.all([productList(client), productList(client), productList(client)]);

    expect(results.every((r) => r.ok)).toBe(true);
    expect(refreshes).toBe(1);
    expect(fake.requests.filter((r) => r.operation === 'productList').map((r) => r.authorization)).toEqual(['Bearer A2', 'Bearer A2', 'Bearer A2']);
    expect(client.auth.current?.refreshToken).toBe('R2');
  });

  it('refreshes once when the gateway refuses the token, then sends the call again', async () => {
    const fake = await gateway({
      signIn: () => ({ body: { data: { logIn: authPayload('A1', 'R1') } } }),
      refreshSession: () => ({ body: { data: { refreshSession: authPayload('A2', 'R2') } } }),
      productList: ({ authorization }) => ({ body: authorization === 'Bearer A2' ? PRODUCTS : UNAUTHENTICATED }),
    });
    const client = createClient({ url: fake.url });
    await client.auth.signIn('ada@example.com', 'a password');
    const [first, second] = await Promise.all([productList(client), productList(client)]);

    expect(first.ok && second.ok).toBe(true);
    expect(fake.requests.map((r) => r.operation).filter((o) => o === 'refreshSession')).toHaveLength(1);
  });

  it('gives up after one refresh when the fresh token is refused too, and signs out when the refresh is refused', async () => {
    const fake = await gateway({
      signIn: () => ({ body: { data: { logIn: authPayload('A1', 'R1') } } }),
      refreshSession: ({ body }) => (body['variables'] as { refreshToken: string }).refreshToken === 'R1'
        ? { body: { data: { refreshSession: authPayload('A2', 'R2') } } }
        : { body: { errors: [{ message: 'This session has ended.', extensions: { code: 'INVALID_REFRESH_TOKEN' } }] } },
      me: () => ({ body: UNAUTHENTICATED }),
    });
    const client = createClient({ url: fake.url });
    await client.auth.signIn('ada@example.com', 'a password');

    const refused = await me(client);
    expect(refused).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', message: 'Sign in first.' } });
    expect(fake.requests.map((r) => r.operation)).toEqual(['signIn', 'me', 'refreshSession', 'me']);

    await me(client); // A2 refused: the refresh with R2 is refused in turn, which ends the session
    expect(client.auth.current).toBeNull();
  });

  it('keeps the session when a refresh fails on the way (a proxy\'s 502, the network)', async () => {
    let refreshAnswer: 'bad-gateway' | 'hang-up' | 'ok' = 'bad-gateway';
    const fake = await gateway({
      signIn: () => ({ body: { data: { logIn: authPayload('A1', 'R1', 5_000) } } }),
      refreshSession: () => refreshAnswer === 'hang-up' ? 'hang-up'
        : refreshAnswer === 'bad-gateway' ? { status: 502, body: 'Bad gateway' }
          : { body: { data: { refreshSession: authPayload('A2', 'R2') } } },
    });
    const client = createClient({ url: fake.url });
    await client.auth.signIn('ada@example.com', 'a password');

    expect(await client.auth.refresh()).toMatchObject({ refreshToken: 'R1' });
    refreshAnswer = 'hang-up';
    expect(await client.auth.refresh()).toMatchObject({ refreshToken: 'R1' });
    refreshAnswer = 'ok';
    expect(await client.auth.refresh()).toMatchObject({ refreshToken: 'R2' });
  });

  it('answers every failure as a typed result and never throws', async () => {
    const fake = await gateway({
      signIn: () => ({ body: { errors: [{ message: 'Wrong email or password.', extensions: { code: 'INVALID_CREDENTIALS' } }] } }),
      productList: () => ({ status: 502, body: '<html>Bad gateway</html>' }),
      me: () => 'hang-up',
    });
    const client = createClient({ url: fake.url });

    const signIn = await client.auth.signIn('ada@example.com', 'wrong');
    expect(signIn).toEqual({ ok: false, error: expect.objectContaining({ code: 'INVALID_CREDENTIALS', message: 'Wrong email or password.' }) });
    if (!signIn.ok) expect(signIn.error.errors).toHaveLength(1);
    expect(await productList(client)).toMatchObject({ ok: false, error: { code: 'HTTP_ERROR', extensions: { status: 502 } } });
    expect(await me(client)).toMatchObject({ ok: false, error: { code: 'NETWORK_ERROR' } });

    await fake.close();
    expect(await productList(client)).toMatchObject({ ok: false, error: { code: 'NETWORK_ERROR' } });
    expect(client.auth.current).toBeNull();
  });

  it('keeps the session in the storage it is given, so the next launch is signed in', async () => {
    const fake = await gateway({
      signUp: () => ({ body: { data: { signUp: authPayload('A1', 'R1') } } }),
      me: () => ({ body: { data: { me: { id: 'u1', email: 'ada@example.com', name: 'Ada', addresses: [] } } } }),
    });
    const kept = new Map<string, string>();
    const secureStore: TokenStorage = { // asynchronous, like Expo's SecureStore
      get: async (key) => kept.get(key) ?? null,
      set: async (key, value) => void kept.set(key, value),
      remove: async (key) => void kept.delete(key),
    };
    const firstLaunch = createClient({ url: fake.url, storage: secureStore });
    expect((await firstLaunch.auth.signUp({ email: 'ada@example.com', password: 'a long passphrase', name: 'Ada' })).ok).toBe(true);

    const nextLaunch = createClient({ url: fake.url, storage: secureStore });
    expect((await me(nextLaunch)).ok).toBe(true);
    expect(fake.requests.at(-1)?.authorization).toBe('Bearer A1');
    expect((await nextLaunch.auth.signOut()).ok).toBe(false); // signOut is not answered by this fake…
    expect(kept.size).toBe(0); // …and the session is gone here all the same
  });
});
