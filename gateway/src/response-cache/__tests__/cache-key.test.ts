import { Role } from '@techally/platform';
import { audienceOf, cacheKeysFor, stableJson, type OperationIdentity } from '../cache-key';

const LISTING: OperationIdentity = { query: '{ products(first: 2) { edges { node { id } } } }', operationName: null, variables: { first: 2 } };
const ada = { userId: '6F1C1F0E-8A4B-4C53-9A38-2F5D6A1B0001', roles: [Role.CUSTOMER] };
const grace = { userId: '6f1c1f0e-8a4b-4c53-9a38-2f5d6a1b0002', roles: [Role.CUSTOMER] };

describe('who an answer is for', () => {
  it('keeps administrators out of the cache altogether', () => {
    expect(audienceOf({ userId: 'x', roles: [Role.ADMIN] })).toEqual({ kind: 'bypass' });
    expect(audienceOf({ userId: 'x', roles: [Role.CUSTOMER, Role.ADMIN] })).toEqual({ kind: 'bypass' });
  });

  it('names the signed-in user (case-insensitively) and nobody for an anonymous caller', () => {
    expect(audienceOf(ada)).toEqual({ kind: 'visitor', userId: ada.userId.toLowerCase() });
    expect(audienceOf(null)).toEqual({ kind: 'visitor', userId: null });
  });
});

describe('cache keys', () => {
  it('gives everyone the same public key for the same operation, and each user a private key of their own', () => {
    const anonymous = cacheKeysFor(LISTING, { kind: 'visitor', userId: null });
    const forAda = cacheKeysFor(LISTING, audienceOf(ada) as never);
    const forGrace = cacheKeysFor(LISTING, audienceOf(grace) as never);
    expect(forAda.publicKey).toBe(anonymous.publicKey);
    expect(forGrace.publicKey).toBe(anonymous.publicKey);
    expect(anonymous.privateKey).toBeNull();
    expect(forAda.privateKey).not.toBeNull();
    expect(forAda.privateKey).not.toBe(forGrace.privateKey);
    expect(forAda.privateKey).not.toBe(forAda.publicKey);
  });

  it('tells operations apart by text, operation name and variables, not by the order of variables', () => {
    const visitor = { kind: 'visitor', userId: null } as const;
    const key = (operation: Partial<OperationIdentity>) =>
      cacheKeysFor({ ...LISTING, ...operation }, visitor).publicKey;
    expect(key({ variables: { first: 3 } })).not.toBe(key({}));
    expect(key({ query: `${LISTING.query} ` })).not.toBe(key({}));
    expect(key({ operationName: 'Other' })).not.toBe(key({}));
    expect(key({ variables: { a: 1, b: { c: 2, d: [1, 2] } } })).toBe(key({ variables: { b: { d: [1, 2], c: 2 }, a: 1 } }));
  });

  it('serialises variables stably, leaving undefined values out as JSON does', () => {
    expect(stableJson({ b: 1, a: [null, { y: 'x', x: undefined }] })).toBe('{"a":[null,{"y":"x"}],"b":1}');
  });
});
