import type { Agent } from 'node:https';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger, SubgraphOrm } from '@techally/platform';
import type { NotificationsConfig } from '../config';
import { PushSubscriptionRepository } from '../push/push-subscription.repository';
import type { VapidKeys } from '../push/vapid-keys';
import { WebPushSender } from '../push/web-push.sender';
import { FakeSmsSender } from '../sms/fake-sms.sender';
import { HttpSmsSender } from '../sms/http-sms.sender';
import type { Senders } from './delivery-channel';

export interface SenderDependencies {
  /** Where a gone push subscription (404/410) is forgotten. */
  readonly orm: Pick<SubgraphOrm, 'em'>;
  /** From `loadVapidKeys(config.push.vapid)`; null: no push sender. */
  readonly vapidKeys: VapidKeys | null;
  readonly logger?: Logger;
  /** The TLS agent of push requests (tests trust a local push service with it). */
  readonly pushAgent?: Agent;
}

/**
 * The PUSH and SMS senders this configuration calls for (README.md, *Channels*), for the delivery pipeline:
 * - PUSH: web-push with the VAPID keys; absent when there are none (production without keys).
 * - SMS: the HTTP provider when SMS_PROVIDER_URL is set; the in-memory {@link FakeSmsSender} outside production
 *   otherwise; absent in production without a provider.
 * A channel without a sender is one the pipeline does not send on. EMAIL is the email sender's (not here).
 */
export function createSenders(config: Pick<NotificationsConfig, 'push' | 'sms'>, dependencies: SenderDependencies): Senders {
  const { orm, vapidKeys, logger, pushAgent } = dependencies;
  const push = vapidKeys
    ? new WebPushSender({
        vapid: vapidKeys,
        subject: config.push.subject,
        timeoutMs: config.push.timeoutMs,
        forgetSubscription: (endpoint) => new PushSubscriptionRepository(orm.em.fork() as EntityManager).forget(endpoint),
        ...(pushAgent ? { agent: pushAgent } : {}),
        ...(logger ? { logger } : {}),
      })
    : undefined;
  const sms =
    config.sms.kind === 'http'
      ? new HttpSmsSender({ url: config.sms.url, token: config.sms.token, timeoutMs: config.sms.timeoutMs })
      : config.sms.kind === 'fake'
        ? new FakeSmsSender(logger ? { logger } : {})
        : undefined;
  return { ...(push ? { PUSH: push } : {}), ...(sms ? { SMS: sms } : {}) };
}
