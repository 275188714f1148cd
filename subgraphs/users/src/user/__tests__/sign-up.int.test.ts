import { errorCodes } from '@techally/testing';
import { ME, SIGN_UP, startUsers, type RunningUsers } from '../../__tests__/users.harness';

let users: RunningUsers;

beforeAll(async () => {
  users = await startUsers();
});

afterAll(async () => {
  await users?.stop();
});

const password = 'a-perfectly-fine-passphrase';

describe('signUp', () => {
  it('creates a customer with a canonical email and signs them in', async () => {
    const response = await users.gql(SIGN_UP, { input: { email: '  Lin.Nakamura@Example.COM ', password, name: ' Lin Nakamura ' } });
    expect(response.errors).toBeUndefined();
    const { signUp } = response.data!;
    expect(signUp.user).toMatchObject({ email: 'lin.nakamura@example.com', name: 'Lin Nakamura', roles: ['CUSTOMER'] });
    expect(new Date(signUp.accessTokenExpiresAt).getTime()).toBeGreaterThan(Date.now());

    const me = await users.gql(ME, {}, signUp.accessToken);
    expect(me.data).toEqual({ me: { id: signUp.user.id, email: 'lin.nakamura@example.com', name: 'Lin Nakamura', roles: ['CUSTOMER'] } });
  });

  it('refuses an email that already has an account, whatever its case, with EMAIL_TAKEN', async () => {
    await users.gql(SIGN_UP, { input: { email: 'taken@example.com', password, name: 'First' } });
    const second = await users.gql(SIGN_UP, { input: { email: 'TAKEN@example.com', password, name: 'Second' } });
    expect(errorCodes(second)).toEqual(['EMAIL_TAKEN']);
    expect(second.data).toBeNull();
  });

  it('lets exactly one of two concurrent sign-ups with one email win', async () => {
    const attempts = await Promise.all(
      ['race@example.com', 'Race@Example.com'].map((email) => users.gql(SIGN_UP, { input: { email, password, name: 'Racer' } })),
    );
    const winners = attempts.filter((attempt) => attempt.data?.signUp);
    expect(winners).toHaveLength(1);
    expect(attempts.flatMap(errorCodes)).toEqual(['EMAIL_TAKEN']);
  });

  it.each([
    ['shorter than 10 characters', 'short-pw', /at least 10 characters/, 'TOO_SHORT'],
    ['longer than 128 characters', 'x'.repeat(129), /at most 128 characters/, 'TOO_LONG'],
    ['that is a common password', 'Password123', /most common passwords/, 'COMMON'],
    ['containing the email\'s name part', 'i-am-weakling-forever', /must not contain your email/, 'CONTAINS_EMAIL'],
  ])('refuses a password %s with WEAK_PASSWORD saying which rule', async (_case, weak, message, rule) => {
    const response = await users.gql(SIGN_UP, { input: { email: 'weakling@example.com', password: weak, name: 'Weak' } });
    expect(errorCodes(response)).toEqual(['WEAK_PASSWORD']);
    expect(response.errors![0]!.message).toMatch(message);
    expect(response.errors![0]!.extensions).toMatchObject({ rule, field: 'password' });
  });

  it.each([['not-an-email'], ['two@@example.com'], ['no-tld@example'], ['']])(
    'refuses the email %p with BAD_USER_INPUT',
    async (email) => {
      const response = await users.gql(SIGN_UP, { input: { email, password, name: 'Nobody' } });
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
      expect(response.errors![0]!.extensions).toMatchObject({ field: 'email' });
    },
  );

  it('refuses an empty name with BAD_USER_INPUT', async () => {
    const response = await users.gql(SIGN_UP, { input: { email: 'nameless@example.com', password, name: '   ' } });
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors![0]!.extensions).toMatchObject({ field: 'name' });
  });

  it('stores an argon2id hash made with the configured parameters, never the password', async () => {
    await users.gql(SIGN_UP, { input: { email: 'hashed@example.com', password, name: 'Hashed' } });
    const [row] = await users.app.orm.em
      .fork()
      .getConnection()
      .execute<Array<{ password_hash: string }>>(`select password_hash from "users"."user_account" where email = 'hashed@example.com'`);
    expect(row!.password_hash).toMatch(/^\$argon2id\$v=19\$m=256,t=1,p=1\$/);
    expect(row!.password_hash).not.toContain(password);
  });
});
