import { errorCodes } from '@techally/testing';
import { LOG_IN, ME, signUpCustomer, startUsers, type RunningUsers } from '../../__tests__/users.harness';

let users: RunningUsers;

beforeAll(async () => {
  // The defaults, spelled out because the tests count on them.
  users = await startUsers({ LOGIN_MAX_FAILURES: '5', LOGIN_FAILURE_WINDOW_MINUTES: '15', LOGIN_LOCK_MINUTES: '15' });
});

afterAll(async () => {
  await users?.stop();
});

const MINUTE = 60_000;

function logIn(email: string, password: string) {
  return users.gql(LOG_IN, { email, password });
}

async function failTimes(email: string, times: number): Promise<void> {
  for (let attempt = 0; attempt < times; attempt += 1) {
    expect(errorCodes(await logIn(email, 'definitely-not-it'))).toEqual(['INVALID_CREDENTIALS']);
  }
}

describe('logIn', () => {
  it('signs in with the email in any case and the right password, and the token works for me', async () => {
    const customer = await signUpCustomer(users);
    const response = await logIn(customer.user.email.toUpperCase(), customer.password);
    expect(response.errors).toBeUndefined();
    const me = await users.gql(ME, {}, response.data!.logIn.accessToken);
    expect(me.data!.me.id).toBe(customer.user.id);
  });

  it('answers a wrong password and an unknown email with the same INVALID_CREDENTIALS', async () => {
    const customer = await signUpCustomer(users);
    const wrongPassword = await logIn(customer.user.email, 'not-the-password-at-all');
    const unknownEmail = await logIn('nobody-here@example.com', customer.password);
    expect(errorCodes(wrongPassword)).toEqual(['INVALID_CREDENTIALS']);
    expect(errorCodes(unknownEmail)).toEqual(['INVALID_CREDENTIALS']);
    expect(unknownEmail.errors![0]).toEqual(wrongPassword.errors![0]);
  });

  it('locks the account after 5 failures: LOGIN_THROTTLED even with the right password, with retryAfterSeconds', async () => {
    const customer = await signUpCustomer(users);
    await failTimes(customer.user.email, 5);
    const response = await logIn(customer.user.email, customer.password);
    expect(errorCodes(response)).toEqual(['LOGIN_THROTTLED']);
    const retryAfter = response.errors![0]!.extensions!['retryAfterSeconds'] as number;
    expect(retryAfter).toBeGreaterThan(14 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
  });

  it('accepts the right password again once the lock has run out', async () => {
    const customer = await signUpCustomer(users);
    await failTimes(customer.user.email, 5);
    users.clock.advance(15 * MINUTE + 1000);
    expect((await logIn(customer.user.email, customer.password)).errors).toBeUndefined();
  });

  it('forgets earlier failures after a successful log-in', async () => {
    const customer = await signUpCustomer(users);
    await failTimes(customer.user.email, 4);
    expect((await logIn(customer.user.email, customer.password)).errors).toBeUndefined();
    await failTimes(customer.user.email, 4);
    expect((await logIn(customer.user.email, customer.password)).errors).toBeUndefined();
  });

  it('forgets failures older than the window', async () => {
    const customer = await signUpCustomer(users);
    await failTimes(customer.user.email, 4);
    users.clock.advance(16 * MINUTE);
    await failTimes(customer.user.email, 4);
    expect((await logIn(customer.user.email, customer.password)).errors).toBeUndefined();
  });

  it('counts every one of many concurrent failures (no lost update)', async () => {
    const customer = await signUpCustomer(users);
    const attempts = await Promise.all(Array.from({ length: 5 }, () => logIn(customer.user.email, 'guess-guess-guess')));
    expect(attempts.flatMap(errorCodes)).toEqual(Array(5).fill('INVALID_CREDENTIALS'));
    expect(errorCodes(await logIn(customer.user.email, customer.password))).toEqual(['LOGIN_THROTTLED']);
  });
});
