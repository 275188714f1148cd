import { Writable } from 'node:stream';
import { GraphQLError } from 'graphql';
import { createLogger } from '../logger';

function capturingLogger() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  return { logger: createLogger({ name: 'test', level: 'info', destination }), text: () => lines.join('') };
}

describe('the logger (issue #9, item 12)', () => {
  it('redacts credentials at any depth: passwords, tokens, API keys, Authorization, cookies, variables', () => {
    const { logger, text } = capturingLogger();
    logger.info(
      {
        password: 'top-password-1',
        input: { account: { newPassword: 'deep-password-2' } },
        req: { headers: { authorization: 'Bearer header-token-3', cookie: 'sid=cookie-4', 'x-api-key': 'api-key-5' } },
        refreshToken: 'refresh-6',
        variables: { input: { email: 'ada@example.com' } },
        operationName: 'SignUp',
      },
      'request',
    );
    const line = text();
    for (const secret of ['top-password-1', 'deep-password-2', 'header-token-3', 'cookie-4', 'api-key-5', 'refresh-6', 'ada@example.com']) {
      expect(line).not.toContain(secret);
    }
    expect(JSON.parse(line)).toMatchObject({ operationName: 'SignUp', password: '[redacted]', variables: '[redacted]' });
  });

  it('logs an error whose message quoted a variable’s value without the value', () => {
    const { logger, text } = capturingLogger();
    const error = new GraphQLError(
      'Variable "$input" got invalid value { email: "a@b.c", password: "pw-in-message-7" }; Field "x" is not defined by type "SignUpInput".',
    );
    logger.error({ err: error }, 'request failed');
    expect(text()).not.toContain('pw-in-message-7');
    expect(JSON.parse(text()).err.message).toBe('Variable "$input" got an invalid value; Field "x" is not defined by type "SignUpInput".');
  });
});
