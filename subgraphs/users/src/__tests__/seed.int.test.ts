import type { EntityManager } from '@mikro-orm/postgresql';
import { LOG_IN, outboxRows, startUsers, type RunningUsers } from './users.harness';
import { DEMO_CUSTOMERS } from '@techally/demo-data';
import { UserEntity } from '../user/user.entity';
import { checkPasswordPolicy } from '../user/password.policy';

let users: RunningUsers;

beforeAll(async () => {
  users = await startUsers();
});

afterAll(async () => {
  await users?.stop();
});

describe('seed', () => {
  it('creates the documented demo customers, each able to log in and with a default address', async () => {
    await users.app.seed();
    for (const demo of DEMO_CUSTOMERS) {
      const response = await users.gql(LOG_IN, { email: demo.email, password: demo.password });
      expect(response.errors).toBeUndefined();
      expect(response.data!.logIn.user.id).toBe(demo.id);
      const me = await users.gql('{ me { name roles addresses { city isDefault } } }', {}, response.data!.logIn.accessToken);
      expect(me.data!.me).toEqual({ name: demo.name, roles: ['CUSTOMER'], addresses: [{ city: demo.address.city, isDefault: true }] });
    }
  });

  it('announces each demo customer as registered (issue #14), so the event-fed services know them', async () => {
    expect((await outboxRows(users)).map((row) => [row.type, row.payload])).toEqual(
      DEMO_CUSTOMERS.map((demo) => [
        'users.user-registered.v1',
        { userId: demo.id, email: demo.email, name: demo.name, roles: ['CUSTOMER'] },
      ]),
    );
  });

  it('does nothing when there are customers already', async () => {
    await users.app.seed();
    const em = users.app.orm.em.fork() as EntityManager;
    expect(await em.count(UserEntity)).toBe(DEMO_CUSTOMERS.length);
    expect(await outboxRows(users)).toHaveLength(DEMO_CUSTOMERS.length);
  });

  it('uses passwords that satisfy the policy it documents', () => {
    for (const demo of DEMO_CUSTOMERS) expect(checkPasswordPolicy(demo.password, demo.email)).toBeNull();
  });
});
