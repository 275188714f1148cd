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
  ...channelsEnv(),
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


/** Web push (VAPID) and SMS: README.md, *Channels*. */
function channelsEnv() {
  return {
    VAPID_PUBLIC_KEY: str({ default: undefined, desc: 'The VAPID public key (base64url, uncompressed P-256 point) browsers subscribe with.' }),
    VAPID_PRIVATE_KEY: str({ default: undefined, desc: 'The VAPID private key (base64url, 32 bytes) that signs push requests.' }),
    VAPID_SUBJECT: str({ default: 'mailto:notifications@techally.local', desc: 'Who push services may contact about our pushes (mailto: or https:).' }),
    VAPID_KEYS_FILE: str({ default: undefined, desc: 'JSON file holding the VAPID key pair; generated on first use when missing (the local starts set it).' }),
    PUSH_TIMEOUT_MS: num({ default: 10_000, desc: 'How long one request to a push service may take.' }),
    SMS_PROVIDER_URL: str({ default: undefined, desc: 'The HTTP SMS provider: POST JSON {to, text} with a bearer token. Unset: the local fake (not in production).' }),
    SMS_API_TOKEN: str({ default: undefined, desc: 'Bearer token for SMS_PROVIDER_URL (required with it).' }),
    SMS_TIMEOUT_MS: num({ default: 10_000, desc: 'How long one request to the SMS provider may take.' }),
  };
}

/** Where the VAPID keys come from: the environment, a file (generated when missing), or nowhere (push off). */
export type VapidKeySource =
  | { readonly kind: 'env'; readonly publicKey: string; readonly privateKey: string }
  | { readonly kind: 'file'; readonly path: string }
  | { readonly kind: 'none' };

export interface PushConfig {
  readonly vapid: VapidKeySource;
  /** `mailto:` or `https:`: sent to push services in the VAPID token's `sub`. */
  readonly subject: string;
  readonly timeoutMs: number;
  /** Subscription endpoints must be https (production); outside production http is taken too (local tests). */
  readonly requireHttps: boolean;
}

/** The HTTP provider when a URL is set, the in-memory fake outside production, nothing (no SMS) otherwise. */
export type SmsConfig =
  | { readonly kind: 'http'; readonly url: string; readonly token: string; readonly timeoutMs: number }
  | { readonly kind: 'fake' }
  | { readonly kind: 'none' };

/** The notifications subgraph's settings, read and validated once at start (README.md, House style). */
export interface NotificationsConfig extends SubgraphBaseConfig {
  /** The bus the order and payment events are read from (REDIS_URL, EVENTS_KEY_PREFIX, ...). */
  readonly events: EventBusConfig;
  /** The low-stock threshold of a product (and warehouse) no administrator set one for. */
  readonly lowStockDefaultThreshold: number;
  readonly delivery: DeliveryConfig;
  readonly push: PushConfig;
  readonly sms: SmsConfig;
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
  if (!env || !events) throw new ConfigError(problems);
  const production = env.NODE_ENV === 'production';
  const push = pushConfig(env, production, problems);
  const sms = smsConfig(env, production, problems);
  if (Object.keys(problems).length > 0) throw new ConfigError(problems);
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
    push,
    sms,
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

/** The channel variables as `readEnv` returns them. */
interface ChannelsEnv {
  readonly VAPID_PUBLIC_KEY?: string | undefined;
  readonly VAPID_PRIVATE_KEY?: string | undefined;
  readonly VAPID_SUBJECT: string;
  readonly VAPID_KEYS_FILE?: string | undefined;
  readonly PUSH_TIMEOUT_MS: number;
  readonly SMS_PROVIDER_URL?: string | undefined;
  readonly SMS_API_TOKEN?: string | undefined;
  readonly SMS_TIMEOUT_MS: number;
}

// An empty value means "unset" (an `.env` line `SMS_PROVIDER_URL=` is common).
const optional = (value: string | undefined): string | undefined => (value?.trim() ? value.trim() : undefined);

const BASE64URL = /^[A-Za-z0-9_-]+$/;

function pushConfig(env: ChannelsEnv, production: boolean, problems: Record<string, string>): PushConfig {
  const publicKey = optional(env.VAPID_PUBLIC_KEY);
  const privateKey = optional(env.VAPID_PRIVATE_KEY);
  const file = optional(env.VAPID_KEYS_FILE);
  const subject = env.VAPID_SUBJECT;
  let vapid: VapidKeySource = { kind: 'none' };
  if (publicKey || privateKey) {
    if (!publicKey) problems['VAPID_PUBLIC_KEY'] = 'is required with VAPID_PRIVATE_KEY';
    else if (!isBase64UrlOfLength(publicKey, 65)) problems['VAPID_PUBLIC_KEY'] = 'must be 65 bytes in base64url (an uncompressed P-256 public key)';
    if (!privateKey) problems['VAPID_PRIVATE_KEY'] = 'is required with VAPID_PUBLIC_KEY';
    else if (!isBase64UrlOfLength(privateKey, 32)) problems['VAPID_PRIVATE_KEY'] = 'must be 32 bytes in base64url (a P-256 private key)';
    if (publicKey && privateKey) vapid = { kind: 'env', publicKey, privateKey };
  } else if (file) {
    vapid = { kind: 'file', path: file };
  }
  if (!/^(mailto:\S+@\S+|https:\/\/\S+)$/.test(subject)) problems['VAPID_SUBJECT'] = 'must be a mailto: address or an https: URL';
  const timeoutMs = env.PUSH_TIMEOUT_MS;
  if (!Number.isInteger(timeoutMs) || timeoutMs < 100) problems['PUSH_TIMEOUT_MS'] = `must be a whole number of milliseconds ≥ 100, got ${timeoutMs}`;
  return { vapid, subject, timeoutMs, requireHttps: production };
}

function smsConfig(env: ChannelsEnv, production: boolean, problems: Record<string, string>): SmsConfig {
  const url = optional(env.SMS_PROVIDER_URL);
  const token = optional(env.SMS_API_TOKEN);
  const timeoutMs = env.SMS_TIMEOUT_MS;
  if (!Number.isInteger(timeoutMs) || timeoutMs < 100) problems['SMS_TIMEOUT_MS'] = `must be a whole number of milliseconds ≥ 100, got ${timeoutMs}`;
  if (!url) {
    if (token) problems['SMS_PROVIDER_URL'] = 'is required with SMS_API_TOKEN';
    // A fake in production would swallow every SMS and call it sent: production without a provider sends none.
    return production ? { kind: 'none' } : { kind: 'fake' };
  }
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    problems['SMS_PROVIDER_URL'] = 'is not a URL';
  }
  if (parsed && parsed.protocol !== 'https:' && parsed.protocol !== 'http:') problems['SMS_PROVIDER_URL'] = 'must be an http(s) URL';
  if (parsed && production && parsed.protocol !== 'https:') problems['SMS_PROVIDER_URL'] = 'must be https in production (it carries the bearer token)';
  if (!token) problems['SMS_API_TOKEN'] = 'is required with SMS_PROVIDER_URL';
  return { kind: 'http', url, token: token ?? '', timeoutMs };
}

function isBase64UrlOfLength(value: string, bytes: number): boolean {
  return BASE64URL.test(value) && Buffer.from(value, 'base64url').length === bytes;
}
