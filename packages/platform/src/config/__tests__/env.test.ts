import { ConfigError, list, num, postgresUrl, readEnv, str } from '../env';

describe('readEnv', () => {
  const spec = {
    DATABASE_URL: postgresUrl({ desc: 'Where the data lives.' }),
    POOL: num({ default: 10 }),
    NAME: str({ default: 'techally' }),
    TAGS: list({ default: [] }),
  };

  it('returns typed values with defaults applied, frozen', () => {
    const env = readEnv(spec, { DATABASE_URL: 'postgres://localhost/db', TAGS: 'a, b,,c' });
    expect(env).toEqual({ DATABASE_URL: 'postgres://localhost/db', POOL: 10, NAME: 'techally', TAGS: ['a', 'b', 'c'] });
    expect(Object.isFrozen(env)).toBe(true);
  });

  it('names every missing or malformed variable in one error', () => {
    let error: unknown;
    try {
      readEnv(spec, { POOL: 'many' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual({
      DATABASE_URL: 'is required but not set',
      POOL: expect.stringContaining('many'),
    });
  });

  it('refuses a database URL that is not postgres://', () => {
    expect(() => readEnv(spec, { DATABASE_URL: 'mysql://localhost/db' })).toThrow(/DATABASE_URL: must start with postgres/);
  });

  it('accepts postgresql://, credentials, a port and query parameters', () => {
    const url = 'postgresql://app:s3cret@db.internal:6432/techally?sslmode=require';
    expect(readEnv(spec, { DATABASE_URL: url }).DATABASE_URL).toBe(url);
  });

  // Without a database name MikroORM stopped the start with its own stack trace (issue #9).
  it.each([
    ['no database name', 'postgres://postgres@127.0.0.1:5432', 'must name a database'],
    ['an empty database name', 'postgres://postgres@127.0.0.1:5432/', 'must name a database'],
    ['only query parameters after the host', 'postgres://postgres@127.0.0.1:5432?sslmode=require', 'must name a database'],
    ['a path of two names', 'postgres://postgres@127.0.0.1:5432/techally/extra', 'must name one database'],
    ['no host', 'postgres:///techally', 'must name a host'],
  ])('refuses a database URL with %s, in one line that does not repeat the URL', (_label, url, problem) => {
    let error: unknown;
    try {
      readEnv(spec, { DATABASE_URL: url });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).problems['DATABASE_URL'];
    expect(message).toContain(problem);
    expect(message).not.toContain('\n');
    // The URL may carry a password: the problem says what is wrong without repeating it.
    expect(message).not.toContain(url);
  });
});
