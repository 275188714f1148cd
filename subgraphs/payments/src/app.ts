import type { EventBusOption } from '@techally/events';
import {
  assembleSubgraph,
  createLogger,
  createServiceClient,
  type SubgraphApp,
  type SubgraphAppOptions,
} from '@techally/platform';
import type { PaymentsConfig } from './config';
import { createContextFactory } from './context';
import { createPaymentsOrm } from './database';
import { createOrderDirectory } from './orders/order-directory';
import type { PaymentProvider } from './provider/payment-provider';
import { SimulatedPaymentProvider } from './provider/simulated.provider';
import { buildPaymentsSchema } from './schema';

/** The running payments subgraph, as main.ts, the embedded launcher and the tests drive it. */
export interface PaymentsSubgraph extends SubgraphApp {
  readonly name: 'payments';
  /** The provider this process charges through (tests read the simulated provider's intents). */
  readonly provider: PaymentProvider;
}

export interface PaymentsSubgraphOptions extends SubgraphAppOptions, EventBusOption {
  /** Who collects the money; the simulated provider by default. */
  readonly provider?: PaymentProvider;
  /** The time, for tests of abandoned attempts. */
  readonly clock?: () => Date;
}

/**
 * The composition root (STYLE.md §2): the ORM, the payment provider, the orders client and the request
 * context wired into the platform's subgraph assembly. Opens the database pool; does not migrate or listen.
 */
export async function createPaymentsSubgraph(config: PaymentsConfig, options: PaymentsSubgraphOptions = {}): Promise<PaymentsSubgraph> {
  const logger = options.logger ?? createLogger({ name: 'payments', level: config.logLevel });
  const clock = options.clock ?? (() => new Date());
  const orm = await createPaymentsOrm({ databaseUrl: config.databaseUrl, poolMax: config.databasePoolMax, logger });
  const provider = options.provider ?? new SimulatedPaymentProvider(clock);
  const orders = createOrderDirectory(
    createServiceClient({ name: 'orders', url: config.ordersUrl, timeoutMs: config.serviceTimeoutMs, logger }),
  );
  const app = await assembleSubgraph({
    name: 'payments',
    config,
    orm,
    logger,
    options,
    buildSchema: buildPaymentsSchema,
    createContext: (verifier) => createContextFactory({ orm, verifier, provider, orders, clock }),
    // No demo payments: a payment exists only once a customer pays an order.
    seed: () => Promise.resolve(),
  });
  return { ...app, provider };
}
