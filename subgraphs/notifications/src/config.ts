import { resolve } from 'node:path';
import { loadEventBusConfig, type EventBusConfig } from '@techally/events';
import {
  collectConfigProblems,
  ConfigError,
  num,
  port,
  readEnv,
  str,
  type SubgraphBaseConfig,
  subgraphBaseConfig,
  subgraphEnv,
} from '@techally/platform';
import { MAX_LOW_STOCK_THRESHOLD } from './low-stock/low-stock-threshold';

/** The environment this subgraph reads; see README.md for the table. */
const notificationsEnv = {
  ...subgraphEnv,
  NOTIFICATIONS_PORT: port({ default: 4008, desc: 'Port the notifications subgraph listens on.' }),
  LOW_STOCK_DEFAULT_THRESHOLD: num({
    default: 5,
    desc: 'Staff are alerted when a product’s available stock falls below this, unless an administrator set its own threshold (0: never).',
  }),
  SMTP_URL: str({ default: '', desc: 'smtp://host:port (smtps://user:pass@host for TLS and login); unset: emails are written as .eml files to MAIL_DIR.' }),
  MAIL_FROM: str({ default: 'TechAlly <no-reply@techally.local>', desc: 'The From header of every email.' }),
  MAIL_DIR: str({ default: '', desc: 'Where emails go as .eml files without SMTP_URL (default: .data/mail under the working directory).' }),
  DELIVERY_MAX_ATTEMPTS: num({ default: 5, desc: 'Tries of one email, SMS or push before it is dead-lettered.' }),
  DELIVERY_RETRY_BASE_MS: num({ default: 30_000, desc: 'Wait after the first failed try; doubles with each further one (with jitter).' }),
  DELIVERY_RETRY_MAX_MS: num({ default: 3_600_000, desc: 'Longest wait between two tries.' }),
  DELIVERY_POLL_INTERVAL_MS: num({ default: 10_000, desc: 'Longest sleep of the delivery worker while nothing is due.' }),
};

/** How emails leave, and how the delivery worker retries (README.md, *Delivery*). */
export interface DeliveryConfig {
  /** Null: the local transport (.eml files under `mailDir`). */
  readonly smtpUrl: string | null;
  readonly mailFrom: string;
  readonly mailDir: string;
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  readonly pollIntervalMs: number;
}

/** The notifications subgraph's settings, read and validated once at start (README.md, House style). */
export interface NotificationsConfig extends SubgraphBaseConfig {
  /** The bus the order and payment events are read from (REDIS_URL, EVENTS_KEY_PREFIX, ...). */
  readonly events: EventBusConfig;
  /** The low-stock threshold of a product (and warehouse) no administrator set one for. */
  readonly lowStockDefaultThreshold: number;
  readonly delivery: DeliveryConfig;
}

/**
 * Reads the notifications configuration from `source` (process.env by default). The only reader of the
 * environment in this package; throws a ConfigError naming every missing or malformed variable.
 */
export function loadNotificationsConfig(source: Record<string, string | undefined> = process.env): NotificationsConfig {
  const problems: Record<string, string> = {};
  const env = collectConfigProblems(problems, () => readEnv(notificationsEnv, source));
  const events = collectConfigProblems(problems, () => loadEventBusConfig(source));
  const threshold = env?.LOW_STOCK_DEFAULT_THRESHOLD;
  if (threshold !== undefined && (!Number.isInteger(threshold) || threshold < 0 || threshold > MAX_LOW_STOCK_THRESHOLD)) {
    problems['LOW_STOCK_DEFAULT_THRESHOLD'] = `must be a whole number from 0 to ${MAX_LOW_STOCK_THRESHOLD}, got ${threshold}`;
  }
  if (env) checkDelivery(env, problems);
  if (!env || !events || Object.keys(problems).length > 0) throw new ConfigError(problems);
  return Object.freeze({
    ...subgraphBaseConfig(env, env.NOTIFICATIONS_PORT),
    events,
    lowStockDefaultThreshold: env.LOW_STOCK_DEFAULT_THRESHOLD,
    delivery: Object.freeze({
      smtpUrl: env.SMTP_URL || null,
      mailFrom: env.MAIL_FROM,
      mailDir: resolve(env.MAIL_DIR || '.data/mail'),
      maxAttempts: env.DELIVERY_MAX_ATTEMPTS,
      baseDelayMs: env.DELIVERY_RETRY_BASE_MS,
      maxDelayMs: env.DELIVERY_RETRY_MAX_MS,
      pollIntervalMs: env.DELIVERY_POLL_INTERVAL_MS,
    }),
  });
}

function checkDelivery(env: ReturnType<typeof readEnv<typeof notificationsEnv>>, problems: Record<string, string>): void {
  if (env.SMTP_URL && !/^smtps?:\/\/[^/?#]+/.test(env.SMTP_URL)) problems['SMTP_URL'] = 'must look like smtp://host:port or smtps://user:pass@host';
  const positive: Array<[string, number]> = [
    ['DELIVERY_MAX_ATTEMPTS', env.DELIVERY_MAX_ATTEMPTS],
    ['DELIVERY_RETRY_BASE_MS', env.DELIVERY_RETRY_BASE_MS],
    ['DELIVERY_RETRY_MAX_MS', env.DELIVERY_RETRY_MAX_MS],
    ['DELIVERY_POLL_INTERVAL_MS', env.DELIVERY_POLL_INTERVAL_MS],
  ];
  for (const [name, value] of positive) {
    if (!Number.isInteger(value) || value < 1) problems[name] = `must be a whole number of at least 1, got ${value}`;
  }
}
