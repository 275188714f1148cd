import { loadEventBusConfig, type EventBusConfig } from '@techally/events';
import {
  collectConfigProblems,
  ConfigError,
  num,
  port,
  readEnv,
  type SubgraphBaseConfig,
  subgraphBaseConfig,
  subgraphEnv,
  subgraphUrl,
} from '@techally/platform';
import type { UnpaidOrderLimits } from './checkout/unpaid-order-limits';

/** The environment this subgraph reads; see README.md for the table. */
const ordersEnv = {
  ...subgraphEnv,
  ORDERS_PORT: port({ default: 4004, desc: 'Port the orders subgraph listens on.' }),
  SUBGRAPH_USERS_URL: subgraphUrl(
    4001,
    'The users subgraph: the caller’s shipping addresses, asked with their forwarded token.',
  ),
  SUBGRAPH_PRODUCTS_URL: subgraphUrl(
    4002,
    'The products subgraph: prices, names, SKUs and weights at the moment an order is placed.',
  ),
  ORDER_EXPIRY_SWEEP_INTERVAL_MS: num({
    default: 5_000,
    desc: 'How often unpaid orders past their payment deadline are cancelled (RESERVATION_EXPIRED).',
  }),
  MAX_UNPAID_ORDERS_PER_CUSTOMER: num({ default: 3, desc: 'Unpaid orders one customer may hold at once (PENDING or AWAITING_PAYMENT).' }),
  MAX_UNPAID_UNITS_PER_PRODUCT: num({ default: 10, desc: 'Units of one product one customer may hold in unpaid orders at once.' }),
  ORDER_PENDING_REDRIVE_INTERVAL_MS: num({
    default: 30_000,
    desc: 'How long a PENDING order waits for inventory before its order-placed event is published again.',
  }),
  ORDER_PENDING_TIMEOUT_MS: num({
    default: 300_000,
    desc: 'How long an order may stay PENDING before it is cancelled (STOCK_NOT_CONFIRMED).',
  }),
};

/** The sweep interval's bounds: often enough to matter, never a busy loop. */
const SWEEP_INTERVAL_MS = { min: 100, max: 3_600_000 } as const;
/** The unpaid-order limits' bounds (an order has at most 50 lines of at most 99 units). */
const UNPAID_LIMIT = { min: 1, max: 10_000 } as const;
/** The PENDING deadline's bounds: a re-drive never hammers inventory; a timeout within a day, after one re-drive. */
const PENDING_REDRIVE_INTERVAL_MS = { min: 1_000, max: 3_600_000 } as const;
const PENDING_TIMEOUT_MS = { max: 86_400_000 } as const;

/** The orders subgraph's settings, read and validated once at start (README.md, House style). */
export interface OrdersConfig extends SubgraphBaseConfig {
  readonly usersUrl: string;
  readonly productsUrl: string;
  /** The event bus (Redis Streams or in memory) and the outbox relay's settings. */
  readonly events: EventBusConfig;
  /** Pause between two runs of the expiry sweeper (and of the pending-order deadline). */
  readonly orderExpirySweepIntervalMs: number;
  /** What one customer may hold unpaid (issue #9). */
  readonly unpaidOrderLimits: UnpaidOrderLimits;
  /** A PENDING order's order-placed is published again after this long without inventory's answer. */
  readonly orderPendingRedriveIntervalMs: number;
  /** A PENDING order older than this is cancelled (STOCK_NOT_CONFIRMED). */
  readonly orderPendingTimeoutMs: number;
}

/**
 * Reads the orders configuration from `source` (process.env by default). The only reader of the environment
 * in this package; throws one ConfigError naming every missing or malformed variable, the event bus's included.
 */
export function loadOrdersConfig(source: Record<string, string | undefined> = process.env): OrdersConfig {
  const problems: Record<string, string> = {};
  const env = collectConfigProblems(problems, () => readEnv(ordersEnv, source));
  const events = collectConfigProblems(problems, () => loadEventBusConfig(source));
  const sweepMs = env?.ORDER_EXPIRY_SWEEP_INTERVAL_MS;
  if (sweepMs !== undefined && !(Number.isInteger(sweepMs) && sweepMs >= SWEEP_INTERVAL_MS.min && sweepMs <= SWEEP_INTERVAL_MS.max)) {
    problems['ORDER_EXPIRY_SWEEP_INTERVAL_MS'] = `a whole number of milliseconds from ${SWEEP_INTERVAL_MS.min} to ${SWEEP_INTERVAL_MS.max}`;
  }
  for (const name of ['MAX_UNPAID_ORDERS_PER_CUSTOMER', 'MAX_UNPAID_UNITS_PER_PRODUCT'] as const) {
    const value = env?.[name];
    if (value !== undefined && !(Number.isInteger(value) && value >= UNPAID_LIMIT.min && value <= UNPAID_LIMIT.max)) {
      problems[name] = `a whole number from ${UNPAID_LIMIT.min} to ${UNPAID_LIMIT.max}`;
    }
  }
  const redriveMs = env?.ORDER_PENDING_REDRIVE_INTERVAL_MS;
  if (redriveMs !== undefined && !(Number.isInteger(redriveMs) && redriveMs >= PENDING_REDRIVE_INTERVAL_MS.min && redriveMs <= PENDING_REDRIVE_INTERVAL_MS.max)) {
    problems['ORDER_PENDING_REDRIVE_INTERVAL_MS'] = `a whole number of milliseconds from ${PENDING_REDRIVE_INTERVAL_MS.min} to ${PENDING_REDRIVE_INTERVAL_MS.max}`;
  }
  const timeoutMs = env?.ORDER_PENDING_TIMEOUT_MS;
  if (timeoutMs !== undefined && !(Number.isInteger(timeoutMs) && timeoutMs > (redriveMs ?? 0) && timeoutMs <= PENDING_TIMEOUT_MS.max)) {
    problems['ORDER_PENDING_TIMEOUT_MS'] = `a whole number of milliseconds above ORDER_PENDING_REDRIVE_INTERVAL_MS, at most ${PENDING_TIMEOUT_MS.max}`;
  }
  if (!env || !events || Object.keys(problems).length > 0) throw new ConfigError(problems);
  return Object.freeze({
    ...subgraphBaseConfig(env, env.ORDERS_PORT),
    usersUrl: env.SUBGRAPH_USERS_URL,
    productsUrl: env.SUBGRAPH_PRODUCTS_URL,
    events,
    orderExpirySweepIntervalMs: env.ORDER_EXPIRY_SWEEP_INTERVAL_MS,
    unpaidOrderLimits: { maxOrders: env.MAX_UNPAID_ORDERS_PER_CUSTOMER, maxUnitsPerProduct: env.MAX_UNPAID_UNITS_PER_PRODUCT },
    orderPendingRedriveIntervalMs: env.ORDER_PENDING_REDRIVE_INTERVAL_MS,
    orderPendingTimeoutMs: env.ORDER_PENDING_TIMEOUT_MS,
  });
}
