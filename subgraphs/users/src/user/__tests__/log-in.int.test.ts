import { errorCodes, postGraphQL, type GraphQLResponse } from '@techally/testing';
import { LOG_IN, ME, signUpCustomer, startUsers, type RunningUsers } from '../../__tests__/users.harness';

let users: RunningUsers;

beforeAll(async () => {
  // The defaults, spelled out because the tests count on them; the account-wide slowdown is kept tiny here (it
  // only delays answers, see login.throttle.test.ts).
  users = await startUsers({
    LOGIN_FREE_FAILURES: '3',
    LOGIN_CLIENT_FREE_FAILURES: '20',
    LOGIN_BASE_DELAY_SECONDS: '1',
    LOGIN_MAX_DELAY_SECONDS: '300',
    LOGIN_FAILURE_MEMORY_MINUTES: '60',
    LOGIN_ACCOUNT_MAX_SLOWDOWN_MS: '20',
  });
  // Waits are asserted to the second: only the specs move time, however slow the machine.
  users.clock.freeze();
});

afterAll(async () => {
  await users?.stop();
});

const SECOND = 1000;
const MINUTE = 60 * SECOND;

/** Each spec's clients get addresses of their own (TEST-NET-3), so no spec's failures count against another's. */
let clients = 0;
function newClient(): string {
  clients += 1;
  return `203.0.113.${clients}`;
}

/** A log-in as the gateway forwards it: the client's address in X-Forwarded-For. */
type LogInResponse = GraphQLResponse<{ logIn: { accessToken: string } }>;
function logIn(email: string, password: string, client: string): Promise<LogInResponse> {
  return postGraphQL(users.url, LOG_IN, { email, password }, { 'x-forwarded-for': client });
}

async function failTimes(email: string, times: number, client: string): Promise<void> {
  for (let attempt = 0; attempt < times; attempt += 1) {
    expect(errorCodes(await logIn(email, 'definitely-not-it', client))).toEqual(['INVALID_CREDENTIALS']);
  }
}

function retryAfterOf(response: LogInResponse): number {
  expect(errorCodes(response)).toEqual(['LOGIN_THROTTLED']);
  return response.errors![0]!.extensions!['retryAfterSeconds'] as number;
}

describe('logIn', () => {
  it('signs in with the email in any case and the right password, and the token works for me', async () => {
    const customer = await signUpCustomer(users);
    const response = await logIn(customer.user.email.toUpperCase(), customer.password, newClient());
    expect(response.errors).toBeUndefined();
    const me = await users.gql(ME, {}, response.data!.logIn.accessToken);
    expect(me.data!.me.id).toBe(customer.user.id);
  });

  it('answers a wrong password and an unknown email with the same INVALID_CREDENTIALS', async () => {
    const customer = await signUpCustomer(users);
    const client = newClient();
    const wrongPassword = await logIn(customer.user.email, 'not-the-password-at-all', client);
    const unknownEmail = await logIn('nobody-here@example.com', customer.password, client);
    expect(errorCodes(wrongPassword)).toEqual(['INVALID_CREDENTIALS']);
    expect(errorCodes(unknownEmail)).toEqual(['INVALID_CREDENTIALS']);
    expect(unknownEmail.errors![0]).toEqual(wrongPassword.errors![0]);
  });
});

describe('logIn throttling: slows guessing, never locks the owner out (issue #9, item 10)', () => {
  it('lets the owner in from their own client however many wrong passwords others sent, from one client or many', async () => {
    const customer = await signUpCustomer(users);
    const attacker = newClient();
    await failTimes(customer.user.email, 3, attacker);
    for (let attempt = 0; attempt < 10; attempt += 1) {
      expect(errorCodes(await logIn(customer.user.email, 'still-guessing', attacker))).toEqual(['LOGIN_THROTTLED']);
    }
    // a botnet: one guess per address
    for (let attempt = 0; attempt < 12; attempt += 1) await failTimes(customer.user.email, 1, newClient());
    expect((await logIn(customer.user.email, customer.password, newClient())).errors).toBeUndefined();
  });

  it('spaces out one client’s guesses at one account after 3 failures — 1 s, 2 s, 4 s… — even for the right password', async () => {
    const customer = await signUpCustomer(users);
    const client = newClient();
    await failTimes(customer.user.email, 3, client);
    expect(retryAfterOf(await logIn(customer.user.email, customer.password, client))).toBe(1);
    users.clock.advance(1 * SECOND);
    await failTimes(customer.user.email, 1, client);
    expect(retryAfterOf(await logIn(customer.user.email, customer.password, client))).toBe(2);
    users.clock.advance(2 * SECOND);
    await failTimes(customer.user.email, 1, client);
    expect(retryAfterOf(await logIn(customer.user.email, customer.password, client))).toBe(4);
    // Having waited, the right password works, and the delays start over.
    users.clock.advance(4 * SECOND);
    expect((await logIn(customer.user.email, customer.password, client)).errors).toBeUndefined();
    await failTimes(customer.user.email, 3, client);
  });

  it('never asks a client to wait longer than LOGIN_MAX_DELAY_SECONDS', async () => {
    const customer = await signUpCustomer(users);
    const client = newClient();
    await failTimes(customer.user.email, 3, client);
    let retryAfter = 0;
    for (let attempt = 0; attempt < 12; attempt += 1) {
      retryAfter = retryAfterOf(await logIn(customer.user.email, 'guess', client));
      users.clock.advance(retryAfter * SECOND);
      await failTimes(customer.user.email, 1, client);
    }
    expect(retryAfterOf(await logIn(customer.user.email, customer.password, client))).toBe(300);
  });

  it('answers an unknown email exactly as a known one at every step, so the answers reveal no account', async () => {
    const customer = await signUpCustomer(users);
    const [knownClient, unknownClient] = [newClient(), newClient()];
    const unknown = `nobody.${Date.now().toString(36)}@example.com`;
    const steps = async (email: string, client: string) => {
      const answers: unknown[] = [];
      for (let attempt = 0; attempt < 5; attempt += 1) answers.push((await logIn(email, 'a-wrong-password', client)).errors);
      return answers;
    };
    const known = await steps(customer.user.email, knownClient);
    expect(known.map((errors) => (errors as Array<{ extensions: { code: string } }>)[0]!.extensions.code)).toEqual([
      'INVALID_CREDENTIALS',
      'INVALID_CREDENTIALS',
      'INVALID_CREDENTIALS',
      'LOGIN_THROTTLED',
      'LOGIN_THROTTLED',
    ]);
    expect(await steps(unknown, unknownClient)).toEqual(known);
  });

  it('slows one client guessing across many accounts (password spraying), and only that client', async () => {
    const customer = await signUpCustomer(users);
    const sprayer = newClient();
    for (let account = 0; account < 20; account += 1) await failTimes(`sprayed-${account}.${Date.now().toString(36)}@example.com`, 1, sprayer);
    expect(retryAfterOf(await logIn(customer.user.email, customer.password, sprayer))).toBe(1);
    expect((await logIn(customer.user.email, customer.password, newClient())).errors).toBeUndefined();
  });

  it('counts a burst of concurrent guesses: only the free ones are checked, the rest are told to wait', async () => {
    const customer = await signUpCustomer(users);
    const client = newClient();
    const attempts = await Promise.all(Array.from({ length: 8 }, () => logIn(customer.user.email, 'guess-guess-guess', client)));
    const codes = attempts.flatMap(errorCodes).sort();
    expect(codes).toEqual([...Array(3).fill('INVALID_CREDENTIALS'), ...Array(5).fill('LOGIN_THROTTLED')]);
  });

  it('forgets a client’s failures on an account once it logs in there', async () => {
    const customer = await signUpCustomer(users);
    const client = newClient();
    await failTimes(customer.user.email, 2, client);
    expect((await logIn(customer.user.email, customer.password, client)).errors).toBeUndefined();
    await failTimes(customer.user.email, 3, client);
    expect(retryAfterOf(await logIn(customer.user.email, customer.password, client))).toBe(1);
  });

  it('forgets failures after LOGIN_FAILURE_MEMORY_MINUTES without any', async () => {
    const customer = await signUpCustomer(users);
    const client = newClient();
    await failTimes(customer.user.email, 3, client);
    users.clock.advance(61 * MINUTE);
    await failTimes(customer.user.email, 3, client);
    expect(retryAfterOf(await logIn(customer.user.email, customer.password, client))).toBe(1);
  });
});
