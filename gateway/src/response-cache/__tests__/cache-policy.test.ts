import { storageDecision } from '../cache-policy';

const keys = { publicKey: 'public', privateKey: 'private-ada' };
const anonymousKeys = { publicKey: 'public', privateKey: null };

describe('whether an answer is kept', () => {
  it('keeps a public answer under the public key, for the shortest max age of its parts, capped', () => {
    expect(storageDecision({ policy: { maxAge: 60, scope: 'PUBLIC' }, hasErrors: false, keys, maxTtlSeconds: 30 })).toEqual({
      store: true,
      key: 'public',
      ttlMs: 30_000,
    });
    expect(storageDecision({ policy: { maxAge: 10, scope: 'PUBLIC' }, hasErrors: false, keys, maxTtlSeconds: 30 })).toMatchObject({ ttlMs: 10_000 });
  });

  it('keeps a private answer (any part private) only under the caller’s own key, never for an anonymous caller', () => {
    expect(storageDecision({ policy: { maxAge: 60, scope: 'PRIVATE' }, hasErrors: false, keys, maxTtlSeconds: 60 })).toMatchObject({
      store: true,
      key: 'private-ada',
    });
    expect(storageDecision({ policy: { maxAge: 60, scope: 'PRIVATE' }, hasErrors: false, keys: anonymousKeys, maxTtlSeconds: 60 })).toEqual({
      store: false,
      reason: 'private-anonymous',
    });
  });

  it('keeps nothing unhinted (no policy, max age 0) and nothing with errors', () => {
    expect(storageDecision({ policy: null, hasErrors: false, keys, maxTtlSeconds: 60 })).toEqual({ store: false, reason: 'uncacheable' });
    expect(storageDecision({ policy: { maxAge: 0, scope: 'PUBLIC' }, hasErrors: false, keys, maxTtlSeconds: 60 })).toEqual({
      store: false,
      reason: 'uncacheable',
    });
    expect(storageDecision({ policy: { maxAge: 60, scope: 'PUBLIC' }, hasErrors: true, keys, maxTtlSeconds: 60 })).toEqual({
      store: false,
      reason: 'errors',
    });
  });
});
