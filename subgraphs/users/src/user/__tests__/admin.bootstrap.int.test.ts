import type { EntityManager } from '@mikro-orm/postgresql';
import { errorCodes } from '@techally/testing';
import { CHEAP_ARGON2, LOG_IN, signUpCustomer, startUsers, type RunningUsers } from '../../__tests__/users.harness';
import { ensureAdmin } from '../admin.bootstrap';
import { createPasswordHasher } from '../password.hasher';
import { UserEntity } from '../user.entity';

let users: RunningUsers;
const hasher = createPasswordHasher({
  memoryCost: Number(CHEAP_ARGON2.ARGON2_MEMORY_KIB),
  timeCost: Number(CHEAP_ARGON2.ARGON2_TIME_COST),
  parallelism: Number(CHEAP_ARGON2.ARGON2_PARALLELISM),
});

beforeAll(async () => {
  users = await startUsers();
});

afterAll(async () => {
  await users?.stop();
});

const em = () => users.app.orm.em.fork() as EntityManager;

describe('ensureAdmin', () => {
  it('creates the administrator when the account is missing, and is harmless when run again', async () => {
    const admin = { email: 'boss@example.com', password: 'boss-passphrase-123' };
    await ensureAdmin(em(), hasher, admin);
    await ensureAdmin(em(), hasher, admin);
    const rows = await em().find(UserEntity, { email: admin.email });
    expect(rows.map((row) => row.roles)).toEqual([['ADMIN']]);
    expect((await users.gql(LOG_IN, admin)).errors).toBeUndefined();
  });

  it('promotes an existing account without touching its password', async () => {
    const customer = await signUpCustomer(users);
    await ensureAdmin(em(), hasher, { email: customer.user.email, password: 'configured-admin-passphrase' });

    const row = await em().findOneOrFail(UserEntity, { email: customer.user.email });
    expect(row.roles).toEqual(['CUSTOMER', 'ADMIN']);
    expect((await users.gql(LOG_IN, { email: customer.user.email, password: customer.password })).errors).toBeUndefined();
    expect(errorCodes(await users.gql(LOG_IN, { email: customer.user.email, password: 'configured-admin-passphrase' }))).toEqual([
      'INVALID_CREDENTIALS',
    ]);
  });

  it('is safe when several replicas start at once', async () => {
    const admin = { email: 'twice@example.com', password: 'twice-passphrase-123' };
    await Promise.all([ensureAdmin(em(), hasher, admin), ensureAdmin(em(), hasher, admin)]);
    expect(await em().count(UserEntity, { email: admin.email })).toBe(1);
  });
});
