import { formatError, INTERNAL_ERROR_MESSAGE } from '../format-error';

describe('the error boundary', () => {
  it('keeps a registered code and its message, without a stack trace', () => {
    const formatted = formatError({
      message: 'Product 42 was not found.',
      path: ['product'],
      extensions: { code: 'NOT_FOUND', id: '42', stacktrace: ['at secret.ts:1'] },
    });
    expect(formatted).toEqual({ message: 'Product 42 was not found.', path: ['product'], extensions: { code: 'NOT_FOUND', id: '42' } });
  });

  it('drops an upstream response (internal URL, status, raw body) from an error it keeps', () => {
    const formatted = formatError({
      message: 'You must be signed in to do this.',
      extensions: { code: 'UNAUTHENTICATED', response: { url: 'http://orders:4004/graphql', status: 401, body: 'raw' } },
    });
    expect(formatted).toEqual({ message: 'You must be signed in to do this.', extensions: { code: 'UNAUTHENTICATED' } });
  });

  it('lets protocol errors from graphql-js through', () => {
    const formatted = formatError({ message: 'Cannot query field "x".', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    expect(formatted.message).toBe('Cannot query field "x".');
  });

  it.each([
    ['no code', { message: 'duplicate key value violates unique constraint "user_email_unique"' }],
    ['an unknown code', { message: 'connect ECONNREFUSED 10.0.0.3:5432', extensions: { code: 'ECONNREFUSED' } }],
    ['INTERNAL_SERVER_ERROR', { message: 'relation "users" does not exist', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
  ])('masks an error with %s', (_case, error) => {
    const formatted = formatError(error);
    expect(formatted).toEqual({ message: INTERNAL_ERROR_MESSAGE, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });
});
