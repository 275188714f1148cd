import { parse, getOperationAST } from 'graphql';
import type { PartnerCaller } from '../../partner-caller';
import { callerBudgetOf, clientBucketOf } from '../caller-budget';
import { credentialAttemptsIn } from '../credential-attempts';

const partner = (tier: PartnerCaller['tier']): PartnerCaller => ({ keyId: 'key-1', name: 'Acme', ownerId: 'owner-1', tier });
const customer = { userId: 'user-1', roles: ['CUSTOMER'] } as never;

describe('the budget a request is charged to', () => {
  it('is the API key’s, at its tier, for a partner — even one that also sends an access token', () => {
    expect(callerBudgetOf({ partner: partner('standard'), viewer: customer, clientAddress: '198.51.100.9' })).toEqual({
      kind: 'partner-standard',
      key: 'key-1',
    });
    expect(callerBudgetOf({ partner: partner('premium'), viewer: null, clientAddress: '198.51.100.9' }).kind).toBe('partner-premium');
  });

  it('is the user’s for a signed-in caller, from whichever address', () => {
    expect(callerBudgetOf({ partner: null, viewer: customer, clientAddress: '198.51.100.9' })).toEqual({ kind: 'user', key: 'user-1' });
    expect(callerBudgetOf({ partner: null, viewer: customer, clientAddress: '203.0.113.1' })).toEqual({ kind: 'user', key: 'user-1' });
  });

  it('is the client address’s for anyone else', () => {
    expect(callerBudgetOf({ partner: null, viewer: null, clientAddress: '198.51.100.9' })).toEqual({ kind: 'anonymous', key: '198.51.100.9' });
  });
});

describe('the client bucket of an address', () => {
  it('is the IPv4 address itself, also when a dual-stack socket reports it IPv4-mapped', () => {
    expect(clientBucketOf('198.51.100.9')).toBe('198.51.100.9');
    expect(clientBucketOf('::ffff:198.51.100.9')).toBe('198.51.100.9');
  });

  it('is the /64 of an IPv6 address, so a subscriber cannot take a fresh budget with each of its addresses', () => {
    expect(clientBucketOf('2001:db8:1:2::1')).toBe('2001:db8:1:2::/64');
    expect(clientBucketOf('2001:0db8:0001:0002:ffff:eeee:dddd:cccc')).toBe('2001:db8:1:2::/64');
    expect(clientBucketOf('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(clientBucketOf('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(clientBucketOf('::1')).toBe('0:0:0:0::/64');
  });

  it('is whatever else it was given (unknown)', () => {
    expect(clientBucketOf('unknown')).toBe('unknown');
  });
});

describe('credential attempts in an operation', () => {
  const attempts = (text: string, operationName?: string) => {
    const document = parse(text);
    return credentialAttemptsIn(getOperationAST(document, operationName) ?? undefined, document);
  };

  it('counts each logIn, signUp and refreshSession field, aliases included', () => {
    expect(attempts('mutation { logIn(email: "a", password: "b") { accessToken } }')).toBe(1);
    expect(attempts('mutation { a: logIn(email: "a", password: "b") { accessToken } b: logIn(email: "c", password: "d") { accessToken } }')).toBe(2);
    expect(attempts('mutation { signUp(input: {}) { accessToken } refreshSession(refreshToken: "r") { accessToken } }')).toBe(2);
  });

  it('counts those reached through inline fragments and fragment spreads', () => {
    expect(
      attempts(`mutation { ...Guesses ... on Mutation { c: logIn(email: "e", password: "f") { accessToken } } }
        fragment Guesses on Mutation { a: logIn(email: "a", password: "b") { accessToken } b: logIn(email: "c", password: "d") { accessToken } }`),
    ).toBe(3);
  });

  it('counts nothing in other mutations, in queries, or in an operation not chosen', () => {
    expect(attempts('mutation { logOut(refreshToken: "r") }')).toBe(0);
    expect(attempts('query { logIn }')).toBe(0);
    expect(attempts('mutation A { logIn(email: "a", password: "b") { accessToken } } query B { me { id } }', 'B')).toBe(0);
  });
});
