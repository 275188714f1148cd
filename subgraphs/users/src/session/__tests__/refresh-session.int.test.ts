import { errorCodes } from '@techally/testing';
import { ME, REFRESH, signUpCustomer, startUsers, type RunningUsers } from '../../__tests__/users.harness';

let users: RunningUsers;

beforeAll(async () => {
  users = await startUsers({ REFRESH_TOKEN_TTL_DAYS: '30' });
});

afterAll(async () => {
  await users?.stop();
});

const DAY = 86_400_000;
const LOG_OUT = 'mutation LogOut($token: String!) { logOut(refreshToken: $token) }';

function refresh(token: string) {
  return users.gql(REFRESH, { token });
}

describe('refreshSession', () => {
  it('exchanges a refresh token for a new pair that works', async () => {
    const customer = await signUpCustomer(users);
    const response = await refresh(customer.refreshToken);
    expect(response.errors).toBeUndefined();
    const next = response.data!.refreshSession;
    expect(next.user.id).toBe(customer.user.id);
    expect(next.refreshToken).not.toBe(customer.refreshToken);
    expect((await users.gql(ME, {}, next.accessToken)).data!.me.id).toBe(customer.user.id);
    expect((await refresh(next.refreshToken)).errors).toBeUndefined();
  });

  it('stores only a hash of each refresh token', async () => {
    const customer = await signUpCustomer(users);
    const rows = await users.app.orm.em
      .fork()
      .getConnection()
      .execute<Array<{ token_hash: string }>>(`select token_hash from "users"."refresh_token" where user_id = ?`, [customer.user.id]);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0]!.token_hash).not.toContain(customer.refreshToken);
  });

  it('treats a rotated token used again as theft: INVALID_REFRESH_TOKEN and the whole session revoked', async () => {
    const customer = await signUpCustomer(users);
    const second = (await refresh(customer.refreshToken)).data!.refreshSession;
    const third = (await refresh(second.refreshToken)).data!.refreshSession;

    expect(errorCodes(await refresh(customer.refreshToken))).toEqual(['INVALID_REFRESH_TOKEN']);
    // The newest token of the family, never used, no longer works either.
    expect(errorCodes(await refresh(third.refreshToken))).toEqual(['INVALID_REFRESH_TOKEN']);
  });

  it('lets only one of two concurrent refreshes with one token succeed', async () => {
    const customer = await signUpCustomer(users);
    const attempts = await Promise.all([refresh(customer.refreshToken), refresh(customer.refreshToken)]);
    expect(attempts.filter((attempt) => attempt.data?.refreshSession)).toHaveLength(1);
    expect(attempts.flatMap(errorCodes)).toEqual(['INVALID_REFRESH_TOKEN']);
  });

  it('leaves other sessions of the same user alone when one is revoked', async () => {
    const customer = await signUpCustomer(users);
    const other = await users.gql(
      'mutation($email: String!, $password: String!) { logIn(email: $email, password: $password) { refreshToken } }',
      { email: customer.user.email, password: customer.password },
    );
    await refresh(customer.refreshToken);
    await refresh(customer.refreshToken); // reuse: revokes the first session only
    expect((await refresh(other.data!.logIn.refreshToken)).errors).toBeUndefined();
  });

  it('refuses an unknown token with INVALID_REFRESH_TOKEN', async () => {
    expect(errorCodes(await refresh('this-token-was-never-issued'))).toEqual(['INVALID_REFRESH_TOKEN']);
  });

  it('refuses an expired token with INVALID_REFRESH_TOKEN', async () => {
    const customer = await signUpCustomer(users);
    users.clock.advance(31 * DAY);
    expect(errorCodes(await refresh(customer.refreshToken))).toEqual(['INVALID_REFRESH_TOKEN']);
  });
});

describe('logOut', () => {
  it('revokes the session: none of its refresh tokens works afterwards', async () => {
    const customer = await signUpCustomer(users);
    const rotated = (await refresh(customer.refreshToken)).data!.refreshSession;
    const response = await users.gql(LOG_OUT, { token: rotated.refreshToken });
    expect(response.data).toEqual({ logOut: true });
    expect(errorCodes(await refresh(rotated.refreshToken))).toEqual(['INVALID_REFRESH_TOKEN']);
  });

  it('answers false for a token it does not know', async () => {
    expect((await users.gql(LOG_OUT, { token: 'never-issued' })).data).toEqual({ logOut: false });
  });
});
