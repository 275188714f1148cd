import { ConfigError } from '@techally/platform';
import { loadUsersConfig } from '../config';

function problemsOf(source: Record<string, string>): Record<string, string> {
  try {
    loadUsersConfig(source);
  } catch (error) {
    if (error instanceof ConfigError) return { ...error.problems };
    throw error;
  }
  throw new Error('the configuration was accepted');
}

describe('loadUsersConfig', () => {
  it('has a documented default for everything but the database', () => {
    const config = loadUsersConfig({});
    expect(config).toMatchObject({
      nodeEnv: 'development',
      host: '127.0.0.1',
      port: 4001,
      databaseUrl: undefined,
      databasePoolMax: 10,
      accessToken: {
        issuer: 'https://techally.local/users',
        audience: 'techally-graph',
        ttlSeconds: 900,
        signingKeyPem: undefined,
        signingKeyFile: undefined,
      },
      refreshTokenTtlDays: 30,
      argon2: { memoryCost: 19_456, timeCost: 2, parallelism: 1 },
      loginThrottle: {
        freeFailures: 3,
        clientFreeFailures: 20,
        baseDelaySeconds: 1,
        maxDelaySeconds: 300,
        accountMaxSlowdownMs: 2000,
        memoryMinutes: 60,
        trustedProxies: 1,
      },
      admin: null,
    });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('reads its own variables', () => {
    const config = loadUsersConfig({
      USERS_PORT: '5001',
      ARGON2_MEMORY_KIB: '65536',
      ARGON2_TIME_COST: '3',
      ARGON2_PARALLELISM: '2',
      LOGIN_FREE_FAILURES: '10',
      TRUSTED_PROXIES: '2',
      ACCESS_TOKEN_TTL_SECONDS: '300',
      JWT_SIGNING_KEY_FILE: '.data/jwt-key.json',
      ADMIN_EMAIL: ' Admin@Example.com ',
      ADMIN_PASSWORD: 'keys-to-the-kingdom',
    });
    expect(config.port).toBe(5001);
    expect(config.argon2).toEqual({ memoryCost: 65_536, timeCost: 3, parallelism: 2 });
    expect(config.loginThrottle).toMatchObject({ freeFailures: 10, trustedProxies: 2 });
    expect(config.accessToken).toMatchObject({ ttlSeconds: 300, signingKeyFile: '.data/jwt-key.json' });
    expect(config.admin).toEqual({ email: 'admin@example.com', password: 'keys-to-the-kingdom' });
  });

  it.each([
    ['ARGON2_TIME_COST', 'abc', /Invalid number/],
    ['ARGON2_TIME_COST', '0', /between 1 and 100/],
    ['ARGON2_MEMORY_KIB', '1.5', /whole number/],
    ['USERS_PORT', 'eighty', /port/i],
    ['LOGIN_FREE_FAILURES', '-1', /between 1/],
    ['LOGIN_ACCOUNT_MAX_SLOWDOWN_MS', '60000', /between 0 and 10000/],
    ['LOGIN_MAX_DELAY_SECONDS', '3601', /between 1 and 3600/],
    ['DATABASE_URL', 'mysql://db/users', /postgres:\/\//],
  ])('names %s when it is %p', (variable, value, problem) => {
    const problems = problemsOf({ [variable]: value });
    expect(Object.keys(problems)).toEqual([variable]);
    expect(problems[variable]).toMatch(problem);
  });

  it('refuses a longest wait beyond the failures’ memory (the counter would be forgotten while the client waits)', () => {
    expect(problemsOf({ LOGIN_MAX_DELAY_SECONDS: '600', LOGIN_FAILURE_MEMORY_MINUTES: '5' })).toEqual({
      LOGIN_MAX_DELAY_SECONDS: expect.stringMatching(/must not exceed LOGIN_FAILURE_MEMORY_MINUTES/),
    });
  });

  it('refuses to start in production without a signing key or a database', () => {
    const problems = problemsOf({ NODE_ENV: 'production' });
    expect(problems['JWT_SIGNING_KEY']).toMatch(/required in production/);
    expect(problems['DATABASE_URL']).toMatch(/required in production/);
  });

  it('refuses to start in production without the API-key lookup secret', () => {
    expect(problemsOf({ NODE_ENV: 'production' })['API_KEY_LOOKUP_SECRET']).toMatch(/required in production/);
  });

  it('refuses an API-key lookup secret shorter than 32 characters and a REDIS_URL that is not redis://', () => {
    expect(problemsOf({ API_KEY_LOOKUP_SECRET: 'short', REDIS_URL: 'http://redis' })).toEqual({
      API_KEY_LOOKUP_SECRET: expect.stringMatching(/at least 32 characters/),
      REDIS_URL: expect.stringMatching(/redis:\/\//),
    });
  });

  it('accepts production with a key file, a database, Redis and the lookup secret', () => {
    const config = loadUsersConfig({
      NODE_ENV: 'production',
      JWT_SIGNING_KEY_FILE: '/keys/jwt.json',
      DATABASE_URL: 'postgres://db/users',
      REDIS_URL: 'redis://redis:6379',
      API_KEY_LOOKUP_SECRET: 'x'.repeat(32),
    });
    expect(config.accessToken.signingKeyFile).toBe('/keys/jwt.json');
    expect(config.apiKeys).toEqual({ lookupSecret: 'x'.repeat(32), redisUrl: 'redis://redis:6379', keyPrefix: 'techally' });
  });

  it('needs ADMIN_EMAIL and ADMIN_PASSWORD together, a valid email and a password within the policy', () => {
    expect(problemsOf({ ADMIN_EMAIL: 'admin@example.com' })).toEqual({ ADMIN_PASSWORD: expect.stringMatching(/required when ADMIN_EMAIL/) });
    expect(problemsOf({ ADMIN_PASSWORD: 'keys-to-the-kingdom' })).toEqual({ ADMIN_EMAIL: expect.stringMatching(/required when ADMIN_PASSWORD/) });
    expect(problemsOf({ ADMIN_EMAIL: 'not an email', ADMIN_PASSWORD: 'keys-to-the-kingdom' })).toHaveProperty('ADMIN_EMAIL');
    expect(problemsOf({ ADMIN_EMAIL: 'admin@example.com', ADMIN_PASSWORD: 'short' })).toEqual({
      ADMIN_PASSWORD: expect.stringMatching(/at least 10 characters/),
    });
  });

  it('treats an empty optional value as unset', () => {
    expect(loadUsersConfig({ JWT_SIGNING_KEY: '', ADMIN_EMAIL: '', ADMIN_PASSWORD: '' })).toMatchObject({
      accessToken: { signingKeyPem: undefined },
      admin: null,
    });
  });
});
