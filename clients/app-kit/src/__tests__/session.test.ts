import { Session, type SessionStorage } from '../session';

/**
 * The session against a stand-in gateway (an injected fetch answering the session's own mutations): what is kept,
 * when the token is refreshed, and that concurrent callers share one refresh — refresh tokens are single use.
 */
class MemoryStorage implements SessionStorage {
  readonly items = new Map<string, string>();
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

const KEY = 'techally.test.session';
const USER = { __typename: 'User', id: 'u1', email: 'ada@example.test', name: 'Ada', roles: ['CUSTOMER'] };

function payload(n: number, expiresInMs: number) {
  return {
    __typename: 'AuthPayload',
    accessToken: `access-${n}`,
    accessTokenExpiresAt: new Date(Date.now() + expiresInMs).toISOString(),
    refreshToken: `refresh-${n}`,
    user: USER,
  };
}

type Answer = (operationName: string, variables: Record<string, unknown>) => Response | Promise<Response>;

function gateway(answer: Answer) {
  const calls: Array<{ operationName: string; variables: Record<string, unknown>; body: Record<string, unknown> }> = [];
  const fetch = (async (_url: string, init: RequestInit) => {
    const body = JSON.parse(String(init.body)) as { operationName: string; variables: Record<string, unknown> };
    calls.push({ operationName: body.operationName, variables: body.variables, body });
    return answer(body.operationName, body.variables);
  }) as unknown as typeof globalThis.fetch;
  return { fetch, calls };
}

const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });

describe('Session', () => {
  it('signs in, keeps the session in storage for the next page load, and sends only the document id', async () => {
    const storage = new MemoryStorage();
    const { fetch, calls } = gateway(() => json({ data: { logIn: payload(1, 600_000) } }));
    const session = new Session({ url: 'http://gateway.test/graphql', storageKey: KEY, storage, fetch });
    const result = await session.signIn('ada@example.test', 'a long passphrase');
    expect(result.ok).toBe(true);
    expect(session.current?.user.name).toBe('Ada');
    expect(await session.accessToken()).toBe('access-1');
    expect(calls[0]?.body).not.toHaveProperty('query');
    expect(calls[0]?.body).toMatchObject({ extensions: { persistedQuery: { version: 1, sha256Hash: expect.stringMatching(/^[0-9a-f]{64}$/) } } });

    const reloaded = new Session({ url: 'http://gateway.test/graphql', storageKey: KEY, storage, fetch });
    expect(reloaded.current?.accessToken).toBe('access-1');
  });

  it('answers a refused sign-in with its code and message, and stays signed out', async () => {
    const { fetch } = gateway(() => json({ data: null, errors: [{ message: 'Wrong email or password.', extensions: { code: 'INVALID_CREDENTIALS' } }] }));
    const session = new Session({ url: 'http://gateway.test/graphql', storageKey: KEY, storage: new MemoryStorage(), fetch });
    const result = await session.signIn('ada@example.test', 'wrong');
    expect(result).toEqual({ ok: false, error: { code: 'INVALID_CREDENTIALS', message: 'Wrong email or password.', extensions: { code: 'INVALID_CREDENTIALS' } } });
    expect(session.current).toBeNull();
  });

  it('refreshes a token about to expire once, however many requests ask for it at the same moment', async () => {
    const storage = new MemoryStorage();
    let refreshes = 0;
    const { fetch } = gateway((operation, variables) => {
      if (operation === 'AppLogIn') return json({ data: { logIn: payload(1, 10_000) } }); // inside the refresh margin
      refreshes++;
      expect(variables).toEqual({ refreshToken: 'refresh-1' });
      return json({ data: { refreshSession: payload(2, 600_000) } });
    });
    const session = new Session({ url: 'http://gateway.test/graphql', storageKey: KEY, storage, fetch });
    await session.signIn('ada@example.test', 'a long passphrase');
    expect(session.needsRefresh()).toBe(true);
    const tokens = await Promise.all([session.accessToken(), session.accessToken(), session.accessToken()]);
    expect(tokens).toEqual(['access-2', 'access-2', 'access-2']);
    expect(refreshes).toBe(1);
    expect(JSON.parse(storage.getItem(KEY)!).refreshToken).toBe('refresh-2');
  });

  it('signs out when the gateway refuses the refresh token, and keeps the session when the network fails', async () => {
    let refusal: 'refuse' | 'network' = 'network';
    const { fetch } = gateway((operation) => {
      if (operation === 'AppLogIn') return json({ data: { logIn: payload(1, 10_000) } });
      if (refusal === 'network') throw new TypeError('fetch failed');
      return json({ data: null, errors: [{ message: 'The session has ended.', extensions: { code: 'UNAUTHENTICATED' } }] });
    });
    const storage = new MemoryStorage();
    const session = new Session({ url: 'http://gateway.test/graphql', storageKey: KEY, storage, fetch });
    await session.signIn('ada@example.test', 'a long passphrase');
    const changes: Array<string | null> = [];
    session.subscribe((state) => changes.push(state?.user.id ?? null));

    await session.refresh();
    expect(session.current?.refreshToken).toBe('refresh-1'); // a network failure ends nothing

    refusal = 'refuse';
    await session.refresh();
    expect(session.current).toBeNull();
    expect(storage.getItem(KEY)).toBeNull();
    expect(changes).toEqual([null]);
  });
});
