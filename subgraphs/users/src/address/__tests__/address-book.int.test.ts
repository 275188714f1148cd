import { errorCodes } from '@techally/testing';
import { signUpCustomer, startUsers, type RunningUsers, type Session } from '../../__tests__/users.harness';

let users: RunningUsers;

beforeAll(async () => {
  users = await startUsers();
});

afterAll(async () => {
  await users?.stop();
});

const FIELDS = 'id label fullName line1 line2 city region postalCode country phone isDefault';
const ADD = `mutation($input: AddAddressInput!) { addAddress(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateAddressInput!) { updateAddress(id: $id, input: $input) { ${FIELDS} } }`;
const SET_DEFAULT = 'mutation($id: ID!) { setDefaultAddress(id: $id) { id isDefault } }';
const DELETE = 'mutation($id: ID!) { deleteAddress(id: $id) }';
const MY_ADDRESSES = '{ me { addresses { id city isDefault } } }';

const home = { label: 'Home', fullName: 'Ada Lovelace', line1: '12 St James\'s Square', city: 'London', postalCode: 'SW1Y 4JH', country: 'gb' };
const office = { fullName: 'Ada Lovelace', line1: '1 Analytical Way', city: 'Cambridge', postalCode: 'CB2 1TN', country: 'GB' };

async function add(customer: Session, input: Record<string, unknown>): Promise<{ id: string; isDefault: boolean }> {
  const response = await users.gql(ADD, { input }, customer.accessToken);
  if (!response.data) throw new Error(JSON.stringify(response.errors));
  return response.data.addAddress;
}

async function addressesOf(customer: Session): Promise<Array<{ id: string; city: string; isDefault: boolean }>> {
  return (await users.gql(MY_ADDRESSES, {}, customer.accessToken)).data!.me.addresses;
}

describe('the address book', () => {
  it('adds an address, validated and normalized, and makes the first one the default', async () => {
    const customer = await signUpCustomer(users);
    const response = await users.gql(ADD, { input: { ...home, line2: '  ', phone: '+44 20 7946 0001' } }, customer.accessToken);
    expect(response.data!.addAddress).toMatchObject({
      ...home,
      country: 'GB',
      line2: null,
      region: null,
      phone: '+44 20 7946 0001',
      isDefault: true,
    });
  });

  it('keeps exactly one default: a new default address takes over from the old one', async () => {
    const customer = await signUpCustomer(users);
    const first = await add(customer, home);
    const second = await add(customer, { ...office, isDefault: true });
    expect(await addressesOf(customer)).toEqual([
      { id: second.id, city: 'Cambridge', isDefault: true },
      { id: first.id, city: 'London', isDefault: false },
    ]);
  });

  it('switches the default with setDefaultAddress', async () => {
    const customer = await signUpCustomer(users);
    const first = await add(customer, home);
    const second = await add(customer, office);
    expect(second.isDefault).toBe(false);
    const response = await users.gql(SET_DEFAULT, { id: second.id }, customer.accessToken);
    expect(response.data).toEqual({ setDefaultAddress: { id: second.id, isDefault: true } });
    const defaults = (await addressesOf(customer)).filter((address) => address.isDefault).map((address) => address.id);
    expect(defaults).toEqual([second.id]);
    expect(first.id).not.toBe(second.id);
  });

  it('keeps exactly one default when default changes race', async () => {
    const customer = await signUpCustomer(users);
    const addresses = [];
    for (const city of ['Leeds', 'York', 'Derby', 'Bath', 'Ely', 'Wells']) addresses.push(await add(customer, { ...office, city }));
    const results = await Promise.all(addresses.map(({ id }) => users.gql(SET_DEFAULT, { id }, customer.accessToken)));
    expect(results.flatMap(errorCodes)).toEqual([]);
    expect((await addressesOf(customer)).filter((address) => address.isDefault)).toHaveLength(1);
  });

  it('updates only the given fields; null clears an optional one', async () => {
    const customer = await signUpCustomer(users);
    const address = await add(customer, { ...home, phone: '+44 1234 567890' });
    const response = await users.gql(UPDATE, { id: address.id, input: { city: 'Bath', phone: null } }, customer.accessToken);
    expect(response.data!.updateAddress).toMatchObject({ ...home, country: 'GB', city: 'Bath', phone: null, isDefault: true });
  });

  it('hands the default to another address when the default is deleted', async () => {
    const customer = await signUpCustomer(users);
    const first = await add(customer, home);
    const second = await add(customer, office);
    expect((await users.gql(DELETE, { id: first.id }, customer.accessToken)).data).toEqual({ deleteAddress: true });
    expect(await addressesOf(customer)).toEqual([{ id: second.id, city: 'Cambridge', isDefault: true }]);
  });

  it.each([
    ['a missing required field', { ...home, city: ' ' }, 'city'],
    ['a country that is not an ISO code', { ...home, country: 'England' }, 'country'],
    ['a phone that is not a number', { ...home, phone: 'call me maybe' }, 'phone'],
  ])('refuses %s with BAD_USER_INPUT naming the field', async (_case, input, field) => {
    const customer = await signUpCustomer(users);
    const response = await users.gql(ADD, { input }, customer.accessToken);
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors![0]!.extensions).toMatchObject({ field });
  });

  it('treats another user\'s address as not found, for every mutation', async () => {
    const owner = await signUpCustomer(users);
    const intruder = await signUpCustomer(users);
    const address = await add(owner, home);
    for (const [mutation, variables] of [
      [UPDATE, { id: address.id, input: { city: 'Elsewhere' } }],
      [SET_DEFAULT, { id: address.id }],
      [DELETE, { id: address.id }],
    ] as const) {
      expect(errorCodes(await users.gql(mutation, variables, intruder.accessToken))).toEqual(['NOT_FOUND']);
    }
    expect(await addressesOf(owner)).toEqual([{ id: address.id, city: 'London', isDefault: true }]);
  });

  it('answers NOT_FOUND for an id that is not even a UUID', async () => {
    const customer = await signUpCustomer(users);
    expect(errorCodes(await users.gql(DELETE, { id: 'nope' }, customer.accessToken))).toEqual(['NOT_FOUND']);
  });

  it('needs a signed-in viewer', async () => {
    expect(errorCodes(await users.gql(ADD, { input: home }))).toEqual(['UNAUTHENTICATED']);
  });

  it('keeps addresses private: another customer asking for them gets FORBIDDEN', async () => {
    const owner = await signUpCustomer(users);
    const other = await signUpCustomer(users);
    await add(owner, home);
    const response = await users.gql(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on User { addresses { city } } } }',
      { r: [{ __typename: 'User', id: owner.user.id }] },
      other.accessToken,
    );
    expect(errorCodes(response)).toEqual(['FORBIDDEN']);
  });
});
