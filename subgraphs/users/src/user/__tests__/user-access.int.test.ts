import { countStatements, errorCodes } from '@techally/testing';
import { LOG_IN, signUpCustomer, startUsers, type RunningUsers, type Session } from '../../__tests__/users.harness';

const ADMIN = { email: 'Root@Example.com', password: 'admin-passphrase-for-tests' };

let users: RunningUsers;
let admin: Session;
let alice: Session;
let bob: Session;

beforeAll(async () => {
  users = await startUsers({ ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password });
  const logIn = await users.gql(LOG_IN, { email: ADMIN.email, password: ADMIN.password });
  admin = logIn.data!.logIn;
  alice = await signUpCustomer(users, 'Alice');
  bob = await signUpCustomer(users, 'Bob');
});

afterAll(async () => {
  await users?.stop();
});

const USERS = `query Users($first: Int, $after: String) {
  users(first: $first, after: $after) {
    totalCount
    edges { cursor node { id name email } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;
interface Page {
  edges: Array<{ node: { id: string } }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

const USER = 'query User($id: ID!) { user(id: $id) { id name email } }';
const ENTITIES = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on User { id name } } }';
const ENTITY_EMAILS = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on User { email } } }';
const UPDATE_PROFILE = 'mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { id name email } }';

describe('the administrator from ADMIN_EMAIL / ADMIN_PASSWORD', () => {
  it('exists at start with the ADMIN role and can log in', async () => {
    expect(admin.user.email).toBe('root@example.com');
    const me = await users.gql('{ me { email roles } }', {}, admin.accessToken);
    expect(me.data).toEqual({ me: { email: 'root@example.com', roles: ['ADMIN'] } });
  });

  it('lists every user as a Relay connection', async () => {
    const response = await users.gql(USERS, { first: 100 }, admin.accessToken);
    expect(response.errors).toBeUndefined();
    const { users: page } = response.data!;
    expect(page.totalCount).toBe(3);
    expect(page.edges.map((edge: { node: { email: string } }) => edge.node.email)).toEqual(
      expect.arrayContaining(['root@example.com', alice.user.email, bob.user.email]),
    );
    expect(page.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });
  });

  it('pages through the users with first and after, each user exactly once', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 5; page += 1) {
      const response = await users.gql<{ users: Page }>(USERS, { first: 2, after }, admin.accessToken);
      const connection: Page = response.data!.users;
      seen.push(...connection.edges.map((edge) => edge.node.id));
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(3);
    expect(new Set(seen).size).toBe(3);
  });

  it('gets BAD_USER_INPUT for a page larger than 100 or a cursor it did not issue', async () => {
    expect(errorCodes(await users.gql(USERS, { first: 101 }, admin.accessToken))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await users.gql(USERS, { after: 'forged' }, admin.accessToken))).toEqual(['BAD_USER_INPUT']);
  });

  it('may read any user, email included', async () => {
    const response = await users.gql(USER, { id: alice.user.id }, admin.accessToken);
    expect(response.data).toEqual({ user: { id: alice.user.id, name: 'Alice', email: alice.user.email } });
  });

  it('gets null for a user that does not exist', async () => {
    const response = await users.gql(USER, { id: '00000000-0000-4000-8000-000000000000' }, admin.accessToken);
    expect(response).toEqual({ data: { user: null } });
  });
});

describe('who may see whom', () => {
  it('refuses the user list to a customer with FORBIDDEN and to the anonymous with UNAUTHENTICATED', async () => {
    expect(errorCodes(await users.gql(USERS, {}, alice.accessToken))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await users.gql(USERS))).toEqual(['UNAUTHENTICATED']);
  });

  it('lets a customer read themself but not another customer (FORBIDDEN)', async () => {
    expect((await users.gql(USER, { id: alice.user.id }, alice.accessToken)).data!.user.email).toBe(alice.user.email);
    const other = await users.gql(USER, { id: bob.user.id }, alice.accessToken);
    expect(errorCodes(other)).toEqual(['FORBIDDEN']);
    expect(JSON.stringify(other)).not.toContain(bob.user.email);
  });

  it('resolves User references from other subgraphs with the public name, for anyone', async () => {
    const response = await users.gql(ENTITIES, {
      r: [
        { __typename: 'User', id: alice.user.id },
        { __typename: 'User', id: bob.user.id },
        { __typename: 'User', id: '00000000-0000-4000-8000-000000000000' },
      ],
    });
    expect(response).toEqual({
      data: { _entities: [{ id: alice.user.id, name: 'Alice' }, { id: bob.user.id, name: 'Bob' }, null] },
    });
  });

  it('keeps the email of a referenced user private: FORBIDDEN for another user, UNAUTHENTICATED anonymously', async () => {
    const r = [{ __typename: 'User', id: bob.user.id }];
    expect(errorCodes(await users.gql(ENTITY_EMAILS, { r }, alice.accessToken))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await users.gql(ENTITY_EMAILS, { r }))).toEqual(['UNAUTHENTICATED']);
    expect((await users.gql(ENTITY_EMAILS, { r }, bob.accessToken)).data).toEqual({ _entities: [{ email: bob.user.email }] });
  });
});

describe('updateProfile', () => {
  it('changes the viewer\'s own name and email (canonical)', async () => {
    const customer = await signUpCustomer(users, 'Before');
    const response = await users.gql(UPDATE_PROFILE, { input: { name: 'After', email: ' Renamed.Person@Example.com' } }, customer.accessToken);
    expect(response.data).toEqual({ updateProfile: { id: customer.user.id, name: 'After', email: 'renamed.person@example.com' } });
    const logIn = await users.gql(LOG_IN, { email: 'renamed.person@example.com', password: customer.password });
    expect(logIn.errors).toBeUndefined();
  });

  it('refuses an email another account has with EMAIL_TAKEN', async () => {
    const customer = await signUpCustomer(users);
    const response = await users.gql(UPDATE_PROFILE, { input: { email: alice.user.email } }, customer.accessToken);
    expect(errorCodes(response)).toEqual(['EMAIL_TAKEN']);
  });

  it('needs a signed-in viewer', async () => {
    expect(errorCodes(await users.gql(UPDATE_PROFILE, { input: { name: 'Ghost' } }))).toEqual(['UNAUTHENTICATED']);
  });
});

describe('cost of a request', () => {
  it('loads a page of users with their addresses in a bounded number of statements', async () => {
    for (const customer of [alice, bob]) {
      await users.gql(
        'mutation($input: AddAddressInput!) { addAddress(input: $input) { id } }',
        { input: { fullName: 'Someone', line1: '1 Main St', city: 'Springfield', postalCode: '12345', country: 'US' } },
        customer.accessToken,
      );
    }
    const counter = countStatements(users.app.orm);
    try {
      const response = await users.gql(
        '{ users(first: 100) { totalCount edges { node { name addresses { city } } } } }',
        {},
        admin.accessToken,
      );
      expect(response.errors).toBeUndefined();
      expect(response.data!.users.edges.length).toBeGreaterThanOrEqual(4);
      // The page, the total, and every user's addresses in one query — whatever the number of users.
      expect(counter.statements).toHaveLength(3);
    } finally {
      counter.stop();
    }
  });
});
