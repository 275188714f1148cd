import { DEMO_CUSTOMERS } from '@techally/demo-data';
import { errorCodes, postGraphQL } from '@techally/testing';
import { startTestSupergraph, TEST_ADMIN, type TestSupergraph } from './support/test-supergraph';

// Log-in throttling through the gateway (issue #9, item 10): the gateway forwards the client's address in
// X-Forwarded-For, so a stranger's guesses slow the stranger, never the account's owner. Here a load balancer
// is pretended in front of the gateway (TRUSTED_PROXIES=2), so each request's own X-Forwarded-For names its client.
let supergraph: TestSupergraph;
const ada = DEMO_CUSTOMERS[0]!;

beforeAll(async () => {
  supergraph = await startTestSupergraph({ env: { TRUSTED_PROXIES: '2' } });
}, 180_000);
afterAll(() => supergraph?.stop());

const LOG_IN = 'mutation($email: String!, $password: String!) { logIn(email: $email, password: $password) { user { id } } }';

function logIn(email: string, password: string, client: string) {
  return postGraphQL(supergraph.gatewayUrl, LOG_IN, { email, password }, { 'x-forwarded-for': client });
}

describe('logIn through the gateway', () => {
  it('slows a stranger guessing the administrator’s password, while the administrator still logs in', async () => {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      expect(errorCodes(await logIn(TEST_ADMIN.email, 'a-guess-of-mine', '198.51.100.66'))).toEqual(['INVALID_CREDENTIALS']);
    }
    const throttled = await logIn(TEST_ADMIN.email, TEST_ADMIN.password, '198.51.100.66');
    expect(errorCodes(throttled)).toEqual(['LOGIN_THROTTLED']);
    expect(throttled.errors![0]!.extensions!['retryAfterSeconds']).toBeGreaterThan(0);

    expect((await logIn(TEST_ADMIN.email, TEST_ADMIN.password, '203.0.113.10')).errors).toBeUndefined();
  });

  it('answers an unknown email as a known one when throttled', async () => {
    const answers = async (email: string, client: string) => {
      for (let attempt = 0; attempt < 3; attempt += 1) await logIn(email, 'a-wrong-password', client);
      return (await logIn(email, 'a-wrong-password', client)).errors?.map((error) => error.extensions?.['code']);
    };
    expect(await answers(ada.email, '198.51.100.70')).toEqual(['LOGIN_THROTTLED']);
    expect(await answers('nobody-at-all@example.com', '198.51.100.71')).toEqual(['LOGIN_THROTTLED']);
  });
});
