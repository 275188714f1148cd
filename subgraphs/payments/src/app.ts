import {
  createAccessTokenVerifier,
  createLogger,
  createServiceClient,
  createSubgraphServer,
  isDatabaseReachable,
  migrate,
  type Logger,
  type SubgraphApp,
} from '@techally/platform';
import type { JWTVerifyGetKey } from 'jose';
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

export interface PaymentsSubgraphOptions {
  /** Defaults to a JSON logger at the configured level. */
  readonly logger?: Logger;
  /**
   * Where access-token signing keys come from. Defaults to the users subgraph's JWKS at `config.jwksUrl`;
   * tests pass a local key set.
   */
  readonly accessTokenKeys?: JWTVerifyGetKey;
  /** Whether this server reports process-wide metrics (false when several services share one process). */
  readonly processMetrics?: boolean;
  /** Defaults to the one `config.paymentProvider` names. */
  readonly provider?: PaymentProvider;
  /** The time card expiry and attempts are judged by; defaults to the system clock. */
  readonly clock?: () => Date;
}

/**
 * The composition root (STYLE.md §2): the ORM, the token verifier, the payment provider, the orders client,
 * the schema and the HTTP server, wired once. Opens the database pool; does not migrate or listen (the caller
 * decides).
 */
export async function createPaymentsSubgraph(config: PaymentsConfig, options: PaymentsSubgraphOptions = {}): Promise<PaymentsSubgraph> {
  const logger = options.logger ?? createLogger({ name: 'payments', level: config.logLevel });
  const clock = options.clock ?? (() => new Date());
  const orm = await createPaymentsOrm({ databaseUrl: config.databaseUrl, poolMax: config.databasePoolMax, logger });
  try {
    const verifier = createAccessTokenVerifier({
      keys: options.accessTokenKeys ?? new URL(config.jwksUrl),
      issuer: config.jwtIssuer,
      audience: config.jwtAudience,
    });
    const provider = options.provider ?? new SimulatedPaymentProvider(clock);
    const orders = createOrderDirectory(
      createServiceClient({ name: 'orders', url: config.ordersUrl, timeoutMs: config.serviceTimeoutMs, logger }),
    );
    const server = await createSubgraphServer({
      name: 'payments',
      schema: await buildPaymentsSchema(),
      logger,
      createContext: createContextFactory({ orm, verifier, provider, orders, clock }),
      isReady: () => isDatabaseReachable(orm),
      processMetrics: options.processMetrics ?? true,
    });
    return {
      name: 'payments',
      orm,
      provider,
      migrate: () => migrate(orm),
      // No demo payments: a payment exists only once a customer pays an order.
      seed: () => Promise.resolve(),
      listen: (port, host) => server.listen(port, host ?? config.host),
      async stop() {
        await server.stop();
        await orm.close();
      },
    };
  } catch (error) {
    // Nothing else owns the pool yet: close it, or a failed start keeps the process alive.
    await orm.close();
    throw error;
  }
}
