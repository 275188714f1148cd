import { entitiesQuery, errorCodes, errorCodesByPath, malformedRepresentations, NUL } from '@techally/testing';
import { ME, SIGN_UP, signUpCustomer, startUsers, type RunningUsers, type Session } from './users.harness';

// Issue #9: a NUL character reached PostgreSQL (which cannot store it in text) and came back as
// INTERNAL_SERVER_ERROR; names took right-to-left overrides and zero-width characters that make a name read as
// something else in an email or an admin screen. Both are the client's mistake: BAD_USER_INPUT naming the field,
// never repeating the value, and nothing written.

let users: RunningUsers;
let customer: Session;

beforeAll(async () => {
  users = await startUsers();
  customer = await signUpCustomer(users, 'Ada Lovelace');
});

afterAll(async () => {
  await users?.stop();
});

const ADD_ADDRESS = 'mutation($input: AddAddressInput!) { addAddress(input: $input) { id fullName } }';
const UPDATE_PROFILE = 'mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { id name } }';
const ADDRESSES = '{ me { addresses { id } } }';
const address = { fullName: 'Ada Lovelace', line1: '12 St James\'s Square', city: 'London', postalCode: 'SW1Y 4JH', country: 'GB' };

/** Display-name spoofs: each reads as a different name than the characters say. */
const SPOOFED_NAMES: Array<[string, string]> = [
  ['a right-to-left override', 'Ada \u202Eecalevol'],
  ['a left-to-right isolate', 'Ada \u2066Lovelace\u2069'],
  ['a zero-width space', 'Ada\u200BLovelace'],
  ['a zero-width joiner', 'Ada\u200DLovelace'],
  ['a word joiner', 'Ada\u2060Lovelace'],
  ['a byte-order mark inside', 'Ada\uFEFFLovelace'],
  ['a control character', 'Ada\u0007Lovelace'],
];

function expectRefused(response: Awaited<ReturnType<RunningUsers['gql']>>, field: string, value: string): void {
  expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
  expect(response.errors![0]!.extensions).toMatchObject({ field });
  expect(JSON.stringify(response)).not.toContain(JSON.stringify(value).slice(1, -1));
}

describe('a NUL character in a string argument', () => {
  it('is BAD_USER_INPUT naming addAddress input.fullName, given as a variable, and adds nothing', async () => {
    const fullName = `Ada${NUL}Lovelace`;
    const response = await users.gql(ADD_ADDRESS, { input: { ...address, fullName } }, customer.accessToken);
    expectRefused(response, 'input.fullName', fullName);
    expect((await users.gql(ADDRESSES, {}, customer.accessToken)).data!.me.addresses).toEqual([]);
  });

  it('is BAD_USER_INPUT when written in the document itself', async () => {
    const response = await users.gql(
      `mutation { addAddress(input: { fullName: "Ada\\u0000", line1: "1 Way", city: "London", postalCode: "N1", country: "GB" }) { id } }`,
      {},
      customer.accessToken,
    );
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors![0]!.extensions).toMatchObject({ field: 'input.fullName' });
  });

  it('is BAD_USER_INPUT in signUp, and no account is created', async () => {
    const email = `nul.${Date.now()}@example.com`;
    const response = await users.gql(SIGN_UP, { input: { email, password: 'a-perfectly-fine-passphrase', name: `Ada${NUL}` } });
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors![0]!.extensions).toMatchObject({ field: 'input.name' });
    const again = await users.gql(SIGN_UP, { input: { email, password: 'a-perfectly-fine-passphrase', name: 'Ada' } });
    expect(again.errors).toBeUndefined();
  });
});

describe('a display name', () => {
  it.each(SPOOFED_NAMES)('with %s is refused by signUp', async (_label, name) => {
    const response = await users.gql(SIGN_UP, { input: { email: `spoof.${Date.now()}.${Math.random()}@example.com`, password: 'a-perfectly-fine-passphrase', name } });
    expectRefused(response, 'name', name);
  });

  it.each(SPOOFED_NAMES)('with %s is refused by updateProfile, which keeps the old name', async (_label, name) => {
    const response = await users.gql(UPDATE_PROFILE, { input: { name } }, customer.accessToken);
    expectRefused(response, 'name', name);
    expect((await users.gql(ME, {}, customer.accessToken)).data!.me.name).toBe('Ada Lovelace');
  });

  it.each(SPOOFED_NAMES)('with %s is refused as an address fullName', async (_label, fullName) => {
    const response = await users.gql(ADD_ADDRESS, { input: { ...address, fullName } }, customer.accessToken);
    expectRefused(response, 'fullName', fullName);
  });

  it('may be written in any script, with its marks and emoji', async () => {
    for (const name of ['Zoë Åsa Ñúñez', 'محمد علي', 'יעל כהן', '李小龍', 'Ana 👩🏽‍💻']) {
      const response = await users.gql(UPDATE_PROFILE, { input: { name } }, customer.accessToken);
      expect(response.errors).toBeUndefined();
    }
  });
});

describe('_entities called directly', () => {
  it('answers BAD_USER_INPUT for an unknown __typename and a malformed User id, and still resolves the rest', async () => {
    const response = await users.gql(entitiesQuery('... on User { id name }'), {
      representations: [...malformedRepresentations('User'), { __typename: 'User', id: customer.user.id }],
    });
    expect(errorCodesByPath(response)).toEqual({ '_entities.0': 'BAD_USER_INPUT', '_entities.1': 'BAD_USER_INPUT' });
    expect(response.data).toEqual({ _entities: [null, null, { id: customer.user.id, name: expect.any(String) }] });
  });
});
