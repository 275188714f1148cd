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
});
