import { Writable } from 'node:stream';
import { createLogger, type GraphQLHttpServer } from '@techally/platform';
import { postGraphQL, type GraphQLResponse } from '@techally/testing';
import type { Gateway } from '../app';
import { startGatewayFor, startSubgraph } from './support/single-subgraph';

// Issue #9, item 12: variables that fail coercion were echoed back in the error message (graphql-js writes
// `Variable "$input" got invalid value { …, password: "…" }; …`), and that text reached the logs.
const SDL = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  type Query { me: String }
  input SignUpInput { email: String! password: String! }
  type Mutation { signUp(input: SignUpInput!): String }`;
const SIGN_UP = 'mutation SignUp($input: SignUpInput!) { signUp(input: $input) }';
const PASSWORD = 'correct-horse-battery-staple-42';

const logLines: string[] = [];
const capture = new Writable({
  write(chunk: Buffer, _encoding, done) {
    logLines.push(chunk.toString('utf8'));
    done();
  },
});
const logger = (name: string) => createLogger({ name, level: 'trace', destination: capture });

let subgraph: GraphQLHttpServer;
let subgraphUrl: string;
let gateway: Gateway;
let gatewayUrl: string;

beforeAll(async () => {
  ({ server: subgraph, url: subgraphUrl } = await startSubgraph('users', SDL, { Mutation: { signUp: () => 'signed up' } }, logger('users')));
  ({ gateway, url: gatewayUrl } = await startGatewayFor('users', SDL, subgraphUrl, logger('gateway')));
});

afterAll(async () => {
  await gateway?.stop();
  await subgraph?.stop();
});

beforeEach(() => logLines.splice(0));

const cases: ReadonlyArray<readonly [string, Record<string, unknown>, RegExp]> = [
  ['an extra field', { email: 'ada@example.com', password: PASSWORD, isAdmin: true }, /Field "isAdmin" is not defined by type "SignUpInput"/],
  ['the password sent as an object', { email: 'ada@example.com', password: { value: PASSWORD } }, /at "input\.password"/],
  ['the password sent as a list', { email: 'ada@example.com', password: [PASSWORD] }, /at "input\.password"/],
];

describe.each([
  ['the gateway', () => gatewayUrl],
  ['a subgraph', () => subgraphUrl],
])('%s, given variables that do not fit', (_where, url) => {
  it.each(cases)('(%s) names the variable and the problem, never the value, and logs no password', async (_case, input, problem) => {
    const response: GraphQLResponse = await postGraphQL(url(), SIGN_UP, { input });
    expect(response.errors).toHaveLength(1);
    const [error] = response.errors!;
    expect(error?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(error?.message).toMatch(/^Variable "\$input" got an invalid value/);
    expect(error?.message).toMatch(problem);
    expect(JSON.stringify(response)).not.toContain(PASSWORD);
    expect(JSON.stringify(response)).not.toContain('ada@example.com');
    const logs = logLines.join('');
    expect(logs).not.toContain(PASSWORD);
  });
});
