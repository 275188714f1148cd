import { consumerWorker, openEventBus, outboxRelayWorker, type EventBusOption } from '@techally/events';
import { assembleSubgraph, createLogger, type Logger, type SubgraphApp, type SubgraphAppOptions } from '@techally/platform';
import type { PaymentsConfig } from './config';
import { createContextFactory } from './context';
import { createPaymentsOrm } from './database';
import { followOrdersConsumer } from './order-events/follow-orders.consumer';
import { refundSweepWorker } from './payment/refund-sweep.worker';
import type { PaymentProvider } from './provider/payment-provider';
import { SimulatedPaymentProvider } from './provider/simulated.provider';
import { createStripeProvider, stripeApiFromUrl } from './provider/stripe.provider';
import { buildPaymentsSchema } from './schema';
import { seedDemoPayments } from './seed/seed';
import { STRIPE_WEBHOOK_PATH, stripeWebhookRoute } from './stripe-webhook/stripe-webhook.route';

/** The running payments subgraph, as main.ts, the embedded launcher and the tests drive it. */
export interface PaymentsSubgraph extends SubgraphApp {
  readonly name: 'payments';
  /** The provider this process charges through (tests read the simulated provider's intents). */
  readonly provider: PaymentProvider;
  /** Refunds money collected for cancelled orders now rather than at the next sweep (tests). */
  sweepRefunds(): Promise<number>;
}

export interface PaymentsSubgraphOptions extends SubgraphAppOptions, EventBusOption {
  /** Who collects the money; by default Stripe when the configuration has a key, else the simulated provider. */
  readonly provider?: PaymentProvider;
  /** The time, for tests of abandoned attempts. */
  readonly clock?: () => Date;
}

/**
 * The composition root (README.md, House style): the ORM, the payment provider, the event bus with the outbox relay and
 * the `payments.follow-orders` consumer, the refund sweep, the Stripe webhook route (with Stripe only) and the
 * request context, wired into the platform's subgraph assembly. Opens the database pool (and the bus when none
 * is given); does not migrate or listen.
 */
export async function createPaymentsSubgraph(config: PaymentsConfig, options: PaymentsSubgraphOptions = {}): Promise<PaymentsSubgraph> {
  const logger = options.logger ?? createLogger({ name: 'payments', level: config.logLevel });
  const clock = options.clock ?? (() => new Date());
  const provider = options.provider ?? createProvider(config, logger, clock);
  if (provider.name === 'simulated' && config.nodeEnv === 'production') {
    logger.warn('payments run on the SIMULATED provider in production: no money is collected (set STRIPE_SECRET_KEY)');
  }
  const orm = await createPaymentsOrm({ databaseUrl: config.databaseUrl, poolMax: config.databasePoolMax, logger });
  const { bus, close } = openEventBus(config.events, options.bus, { logger });
  const refunds = refundSweepWorker({ orm, provider, logger, clock, intervalMs: config.refundSweepIntervalMs });
  const app = await assembleSubgraph({
    name: 'payments',
    config,
    orm,
    logger,
    options,
    buildSchema: buildPaymentsSchema,
    createContext: (verifier) => createContextFactory({ orm, verifier, provider, clock }),
    // The payments of the demo shop's past sales; the PENDING demo orders' payments open through the saga.
    seed: () => seedDemoPayments(orm, logger),
    ...(config.stripe
      ? {
          routes: {
            [STRIPE_WEBHOOK_PATH]: stripeWebhookRoute({
              orm,
              webhookSecret: config.stripe.webhookSecret,
              logger,
              clock,
              onRefundOwed: () => refunds.kick(),
            }),
          },
        }
      : {}),
    workers: [
      outboxRelayWorker({ orm, bus, logger, config: config.events }),
      consumerWorker(bus, followOrdersConsumer({ orm, provider, logger, clock }), 'payments'),
      refunds,
    ],
    closeables: [close],
  });
  return { ...app, provider, sweepRefunds: () => refunds.sweep() };
}

/** Stripe when the configuration has its key (STRIPE_SECRET_KEY), the in-memory simulated provider otherwise. */
function createProvider(config: PaymentsConfig, logger: Logger, clock: () => Date): PaymentProvider {
  if (!config.stripe) return new SimulatedPaymentProvider(clock);
  return createStripeProvider({
    secretKey: config.stripe.secretKey,
    api: stripeApiFromUrl(config.stripe.apiUrl),
    timeoutMs: config.stripe.timeoutMs,
    logger: logger.child({ provider: 'stripe' }),
  });
}
