import type { EntityManager } from '@mikro-orm/postgresql';
import { createInMemoryEventBus, type AnyEventEnvelope, type EventBus, type Subscription } from '@techally/events';
import { errorCodes, eventually } from '@techally/testing';
import {
  CHEAP_ARGON2,
  outboxRows,
  SIGN_UP,
  signUpCustomer,
  startUsers,
  type RunningUsers,
} from '../../__tests__/users.harness';
import { ensureAdmin } from '../admin.bootstrap';
import { createPasswordHasher } from '../password.hasher';

/**
 * Issue #14: the users subgraph tells the others who its users are — `users.user-registered.v1` when an account
 * is created (sign-up, the configured administrator), `users.user-changed.v1` when its email, name or roles
 * change — written to its outbox in the transaction of the change, never with the password, and published by
 * its relay once it listens.
 */
const UPDATE_PROFILE = `mutation Update($input: UpdateProfileInput!) { updateProfile(input: $input) { id email name } }`;
const ADMIN = { email: 'chief@example.com', password: 'runs-the-whole-shop-42' };

const hasher = createPasswordHasher({
  memoryCost: Number(CHEAP_ARGON2.ARGON2_MEMORY_KIB),
  timeCost: Number(CHEAP_ARGON2.ARGON2_TIME_COST),
  parallelism: Number(CHEAP_ARGON2.ARGON2_PARALLELISM),
});

let bus: EventBus;
let users: RunningUsers;
let subscription: Subscription;
const published: AnyEventEnvelope[] = [];
const em = () => users.app.orm.em.fork() as EntityManager;

beforeAll(async () => {
  bus = createInMemoryEventBus();
  users = await startUsers({ ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password }, { bus });
  subscription = await bus.subscribe({
    group: 'test.users-events',
    consumer: 'test.users-events-1',
    types: ['users.user-registered.v1', 'users.user-changed.v1'],
    handler: async (event) => void published.push(event as AnyEventEnvelope),
  });
});

afterAll(async () => {
  await subscription?.stop();
  await users?.stop();
  await bus?.close();
});

describe('users events', () => {
  it('publishes the administrator that listen() created, once the relay runs', async () => {
    await eventually(() => published.some((event) => (event.payload as { email?: string }).email === ADMIN.email), 'the admin’s event');
    const [event] = published.filter((candidate) => (candidate.payload as { email?: string }).email === ADMIN.email);
    expect(event).toMatchObject({
      type: 'users.user-registered.v1',
      payload: { email: ADMIN.email, name: 'Administrator', roles: ['ADMIN'] },
    });
    expect(event!.aggregateId).toBe((event!.payload as { userId: string }).userId);
  });

  it('signUp: a registered snapshot with the canonical email, the request id, and never the password', async () => {
    const response = await users.gql(SIGN_UP, {
      input: { email: '  Mixed.Case@Example.COM ', password: 'a-perfectly-fine-passphrase', name: 'Mixed Case' },
    });
    const userId = response.data!.signUp.user.id as string;
    const rows = await outboxRows(users, userId);
    expect(rows).toEqual([
      {
        type: 'users.user-registered.v1',
        aggregateId: userId,
        payload: { userId, email: 'mixed.case@example.com', name: 'Mixed Case', roles: ['CUSTOMER'] },
        metadata: expect.objectContaining({ requestId: expect.any(String) }),
      },
    ]);
    expect(JSON.stringify(rows)).not.toMatch(/passphrase|argon2/);
    await eventually(() => published.some((event) => event.aggregateId === userId), 'the sign-up’s event on the bus');
  });

  it('a refused sign-up (email taken, weak password) writes no event', async () => {
    const customer = await signUpCustomer(users);
    const before = (await outboxRows(users)).length;
    const taken = await users.gql(SIGN_UP, { input: { email: customer.user.email, password: 'another-fine-passphrase', name: 'Twin' } });
    const weak = await users.gql(SIGN_UP, { input: { email: 'weak@example.com', password: 'short', name: 'Weak' } });
    expect(errorCodes(taken)).toEqual(['EMAIL_TAKEN']);
    expect(errorCodes(weak)).toEqual(['WEAK_PASSWORD']);
    expect(await outboxRows(users)).toHaveLength(before);
  });

  it('updateProfile: a changed snapshot per real change of the name or email; nothing for an edit that changes nothing', async () => {
    const customer = await signUpCustomer(users, 'Old Name');
    const id = customer.user.id;
    await users.gql(UPDATE_PROFILE, { input: { name: 'New Name' } }, customer.accessToken);
    await users.gql(UPDATE_PROFILE, { input: { name: '  New Name ' } }, customer.accessToken);
    await users.gql(UPDATE_PROFILE, { input: { email: 'Renamed.Customer@example.com' } }, customer.accessToken);

    const rows = await outboxRows(users, id);
    expect(rows.map((row) => [row.type, row.payload])).toEqual([
      ['users.user-registered.v1', { userId: id, email: customer.user.email, name: 'Old Name', roles: ['CUSTOMER'] }],
      ['users.user-changed.v1', { userId: id, email: customer.user.email, name: 'New Name', roles: ['CUSTOMER'] }],
      ['users.user-changed.v1', { userId: id, email: 'renamed.customer@example.com', name: 'New Name', roles: ['CUSTOMER'] }],
    ]);
  });

  it('a refused profile change (email taken, bad name) writes no event', async () => {
    const first = await signUpCustomer(users);
    const second = await signUpCustomer(users);
    const before = (await outboxRows(users, second.user.id)).length;
    const taken = await users.gql(UPDATE_PROFILE, { input: { email: first.user.email } }, second.accessToken);
    const badName = await users.gql(UPDATE_PROFILE, { input: { name: 'bad\u202Ename' } }, second.accessToken);
    expect(errorCodes(taken)).toEqual(['EMAIL_TAKEN']);
    expect(errorCodes(badName)).toEqual(['BAD_USER_INPUT']);
    expect(await outboxRows(users, second.user.id)).toHaveLength(before);
  });

  it('the admin bootstrap: promoting an account publishes its new roles once; a second run publishes nothing', async () => {
    const customer = await signUpCustomer(users, 'Soon Staff');
    await ensureAdmin(em(), hasher, { email: customer.user.email, password: 'whatever-passphrase-1' });
    await ensureAdmin(em(), hasher, { email: customer.user.email, password: 'whatever-passphrase-1' });
    const rows = await outboxRows(users, customer.user.id);
    expect(rows.map((row) => [row.type, row.payload['roles']])).toEqual([
      ['users.user-registered.v1', ['CUSTOMER']],
      ['users.user-changed.v1', ['CUSTOMER', 'ADMIN']],
    ]);
  });
});
