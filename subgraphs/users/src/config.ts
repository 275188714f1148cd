import { loadEventBusConfig, type EventBusConfig } from '@techally/events';
import {
  accessTokenEnv,
  collectConfigProblems,
  ConfigError,
  databaseEnv,
  num,
  port,
  postgresUrl,
  readEnv,
  serviceEnv,
  str,
} from '@techally/platform';
import type { PasswordHashingOptions } from './user/password.hasher';
import type { LoginThrottlePolicy } from './user/login-throttle.policy';
import { normalizeEmail } from './user/user.email';
import { checkPasswordPolicy } from './user/password.policy';

/**
 * The users subgraph's settings. This module is the only reader of the environment for the package
 * (README.md, House style): everything below is validated once, frozen, and handed to `createUsersSubgraph`.
 */
export interface UsersConfig {
  readonly nodeEnv: 'development' | 'test' | 'production';
  readonly host: string;
  readonly port: number;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Where `/metrics` is served (METRICS_PORT); undefined: the HTTP port + 5464 (the platform's defaultMetricsPort). */
  readonly metricsPort: number | undefined;
  /** Unset means "no server": main.ts then starts an embedded PGlite (never in production). */
  readonly databaseUrl: string | undefined;
  readonly databasePoolMax: number;
  readonly accessToken: AccessTokenSettings;
  readonly refreshTokenTtlDays: number;
  readonly argon2: PasswordHashingOptions;
  readonly loginThrottle: LoginThrottlePolicy;
  /** The first administrator, ensured at start; null when ADMIN_EMAIL is not set. */
  readonly admin: { readonly email: string; readonly password: string } | null;
  readonly apiKeys: ApiKeySettings;
  /** The event bus its outbox relay publishes the users' events to (REDIS_URL, EVENTS_KEY_PREFIX, OUTBOX_*). */
  readonly events: EventBusConfig;
}

/** Partner API keys (issue #11): how the gateway's lookups are let in, and where revocations are announced. */
export interface ApiKeySettings {
  /** API_KEY_LOOKUP_SECRET, shared with the gateway; null: only loopback callers may look keys up. */
  readonly lookupSecret: string | null;
  /** REDIS_URL: revocations reach every gateway through its Pub/Sub; unset: this process only (embedded start). */
  readonly redisUrl: string | undefined;
  /** EVENTS_KEY_PREFIX, the channel's prefix (the gateway listens under the same). */
  readonly keyPrefix: string;
}

export interface AccessTokenSettings {
  readonly issuer: string;
  readonly audience: string;
  readonly ttlSeconds: number;
  /** PKCS8 PEM of a P-256 private key; wins over `signingKeyFile`. */
  readonly signingKeyPem: string | undefined;
  /** A JSON JWK file, generated on first use and reused afterwards. */
  readonly signingKeyFile: string | undefined;
}

/** The OWASP Password Storage Cheat Sheet's argon2id baseline (m=19 MiB, t=2, p=1). */
export const OWASP_ARGON2: PasswordHashingOptions = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

const usersEnv = {
  ...serviceEnv,
  ...databaseEnv,
  // Optional here (the platform group requires it): without it main.ts starts an embedded database.
  DATABASE_URL: postgresUrl({ default: undefined, desc: 'PostgreSQL connection URL; unset starts an embedded PGlite (not in production).' }),
  JWT_ISSUER: accessTokenEnv.JWT_ISSUER,
  JWT_AUDIENCE: accessTokenEnv.JWT_AUDIENCE,
  USERS_PORT: port({ default: 4001, desc: 'HTTP port of the users subgraph.' }),
  JWT_SIGNING_KEY: str({ default: undefined, desc: 'PKCS8 PEM of the P-256 key that signs access tokens (ES256).' }),
  JWT_SIGNING_KEY_FILE: str({ default: undefined, desc: 'JSON JWK file holding the signing key; created on first use when missing.' }),
  ACCESS_TOKEN_TTL_SECONDS: num({ default: 900, desc: 'Lifetime of an access token, in seconds.' }),
  REFRESH_TOKEN_TTL_DAYS: num({ default: 30, desc: 'Lifetime of a refresh token, in days (each rotation starts a new one).' }),
  ARGON2_MEMORY_KIB: num({ default: OWASP_ARGON2.memoryCost, desc: 'argon2id memory cost in KiB.' }),
  ARGON2_TIME_COST: num({ default: OWASP_ARGON2.timeCost, desc: 'argon2id iterations.' }),
  ARGON2_PARALLELISM: num({ default: OWASP_ARGON2.parallelism, desc: 'argon2id lanes.' }),
  LOGIN_FREE_FAILURES: num({ default: 3, desc: 'Failed log-ins of one client on one account before its attempts are spaced out.' }),
  LOGIN_CLIENT_FREE_FAILURES: num({ default: 20, desc: 'Failed log-ins of one client across all accounts before its attempts are spaced out.' }),
  LOGIN_BASE_DELAY_SECONDS: num({ default: 1, desc: 'First wait imposed after the free failures; doubled by each further failure.' }),
  LOGIN_MAX_DELAY_SECONDS: num({ default: 300, desc: 'Longest wait ever imposed between two log-in attempts of one client.' }),
  LOGIN_ACCOUNT_MAX_SLOWDOWN_MS: num({ default: 2000, desc: 'Most an attempt on an account guessed at from many clients is slowed by (never refused).' }),
  LOGIN_FAILURE_MEMORY_MINUTES: num({ default: 60, desc: 'A log-in failure counter left alone this long starts over.' }),
  TRUSTED_PROXIES: num({ default: 1, desc: 'Proxies in front of this subgraph that append to X-Forwarded-For (the gateway: 1).' }),
  ADMIN_EMAIL: str({ default: undefined, desc: 'Email of the first administrator, ensured at start.' }),
  ADMIN_PASSWORD: str({ default: undefined, desc: 'Password of the first administrator when it has to be created.' }),
  API_KEY_LOOKUP_SECRET: str({ default: undefined, desc: 'Shared with the gateway: it presents it to look API keys up (at least 32 characters; required in production).' }),
  REDIS_URL: str({ default: undefined, desc: 'Redis of the event bus (users’ events) and of the Pub/Sub that carries API-key revocations to the gateways (a process of its own needs it).' }),
  EVENTS_KEY_PREFIX: str({ default: 'techally', desc: 'Prefix of the Redis channel of API-key revocations.' }),
};

/**
 * Reads the users subgraph's configuration from `source` (process.env by default). Throws a platform
 * `ConfigError` naming every variable that is missing or malformed.
 */
export function loadUsersConfig(source: Record<string, string | undefined> = process.env): UsersConfig {
  const env = readEnv(usersEnv, source);
  const problems: Record<string, string> = {};
  const integer = (name: keyof typeof env, min: number, max = Number.MAX_SAFE_INTEGER): number => {
    const value = env[name] as number;
    if (!Number.isInteger(value) || value < min || value > max) {
      problems[name] = `must be a whole number between ${min} and ${max}, got ${value}`;
    }
    return value;
  };
  // An empty value means "unset" for the optional strings (an `.env` line `JWT_SIGNING_KEY=` is common).
  const optional = (value: string | undefined): string | undefined => (value?.trim() ? value : undefined);

  const events = collectConfigProblems(problems, () => loadEventBusConfig(source));

  const nodeEnv = env.NODE_ENV as UsersConfig['nodeEnv'];
  const signingKeyPem = optional(env.JWT_SIGNING_KEY);
  const signingKeyFile = optional(env.JWT_SIGNING_KEY_FILE);
  if (nodeEnv === 'production' && !signingKeyPem && !signingKeyFile) {
    // An ephemeral key would log everyone out at each restart and differ between replicas.
    problems['JWT_SIGNING_KEY'] = 'is required in production (or JWT_SIGNING_KEY_FILE)';
  }
  const databaseUrl = optional(env.DATABASE_URL);
  if (nodeEnv === 'production' && !databaseUrl) problems['DATABASE_URL'] = 'is required in production';

  const parallelism = integer('ARGON2_PARALLELISM', 1, 16);
  // argon2 itself refuses less than 8 KiB per lane.
  const argon2 = { memoryCost: integer('ARGON2_MEMORY_KIB', 8 * parallelism, 4_194_304), timeCost: integer('ARGON2_TIME_COST', 1, 100), parallelism };

  const config: UsersConfig = {
    nodeEnv,
    host: env.HOST,
    port: env.USERS_PORT,
    logLevel: env.LOG_LEVEL as UsersConfig['logLevel'],
    metricsPort: env.METRICS_PORT,
    databaseUrl,
    databasePoolMax: integer('DATABASE_POOL_MAX', 1, 1000),
    accessToken: {
      issuer: env.JWT_ISSUER,
      audience: env.JWT_AUDIENCE,
      ttlSeconds: integer('ACCESS_TOKEN_TTL_SECONDS', 30, 86_400),
      signingKeyPem,
      signingKeyFile,
    },
    refreshTokenTtlDays: integer('REFRESH_TOKEN_TTL_DAYS', 1, 365),
    argon2,
    loginThrottle: {
      freeFailures: integer('LOGIN_FREE_FAILURES', 1, 1000),
      clientFreeFailures: integer('LOGIN_CLIENT_FREE_FAILURES', 1, 100_000),
      baseDelaySeconds: integer('LOGIN_BASE_DELAY_SECONDS', 1, 3600),
      maxDelaySeconds: integer('LOGIN_MAX_DELAY_SECONDS', 1, 3600),
      accountMaxSlowdownMs: integer('LOGIN_ACCOUNT_MAX_SLOWDOWN_MS', 0, 10_000),
      memoryMinutes: integer('LOGIN_FAILURE_MEMORY_MINUTES', 1, 10_080),
      trustedProxies: integer('TRUSTED_PROXIES', 0, 10),
    },
    admin: readAdmin(optional(env.ADMIN_EMAIL), optional(env.ADMIN_PASSWORD), problems),
    apiKeys: readApiKeySettings(nodeEnv, optional(env.API_KEY_LOOKUP_SECRET), optional(env.REDIS_URL), env.EVENTS_KEY_PREFIX, problems),
    events: events as EventBusConfig,
  };
  // A counter must not be forgotten while its client is still told to wait.
  const { maxDelaySeconds, memoryMinutes } = config.loginThrottle;
  if (!problems['LOGIN_MAX_DELAY_SECONDS'] && !problems['LOGIN_FAILURE_MEMORY_MINUTES'] && maxDelaySeconds > memoryMinutes * 60) {
    problems['LOGIN_MAX_DELAY_SECONDS'] = `must not exceed LOGIN_FAILURE_MEMORY_MINUTES (${memoryMinutes} min), got ${maxDelaySeconds} s`;
  }
  if (Object.keys(problems).length > 0) throw new ConfigError(problems);
  return Object.freeze(config);
}

function readAdmin(
  rawEmail: string | undefined,
  password: string | undefined,
  problems: Record<string, string>,
): UsersConfig['admin'] {
  if (!rawEmail && !password) return null;
  if (!rawEmail) {
    problems['ADMIN_EMAIL'] = 'is required when ADMIN_PASSWORD is set';
    return null;
  }
  if (!password) {
    problems['ADMIN_PASSWORD'] = 'is required when ADMIN_EMAIL is set';
    return null;
  }
  const email = normalizeEmail(rawEmail);
  if (!email) {
    problems['ADMIN_EMAIL'] = `is not an email address: "${rawEmail}"`;
    return null;
  }
  // The administrator's password obeys the same policy as everyone's; say so at start, not at first log-in.
  const weakness = checkPasswordPolicy(password, email);
  if (weakness) {
    problems['ADMIN_PASSWORD'] = weakness.message;
    return null;
  }
  return { email, password };
}

function readApiKeySettings(
  nodeEnv: UsersConfig['nodeEnv'],
  lookupSecret: string | undefined,
  redisUrl: string | undefined,
  keyPrefix: string,
  problems: Record<string, string>,
): ApiKeySettings {
  if (lookupSecret !== undefined && lookupSecret.length < 32) problems['API_KEY_LOOKUP_SECRET'] = 'must be at least 32 characters long';
  // Open to loopback only would still be open to anything on the host: production names a secret.
  if (nodeEnv === 'production' && lookupSecret === undefined) problems['API_KEY_LOOKUP_SECRET'] = 'is required in production';
  if (redisUrl !== undefined && !/^rediss?:\/\/\S+$/.test(redisUrl)) problems['REDIS_URL'] = 'must be a redis:// or rediss:// URL';
  return { lookupSecret: lookupSecret ?? null, redisUrl, keyPrefix: keyPrefix.trim() || 'techally' };
}
