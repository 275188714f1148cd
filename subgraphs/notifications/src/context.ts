import type { EntityManager } from '@mikro-orm/postgresql';
import { authenticate, type AccessTokenVerifier, type RequestInfo, type SubgraphOrm, type Viewer } from '@techally/platform';
import type { NotificationFeed } from './live/notification-feed';
import { LowStockThresholds } from './low-stock/low-stock-threshold';
import { LowStockThresholdService } from './low-stock/low-stock-threshold.service';
import { NotificationRepository } from './notification/notification.repository';
import { NotificationService } from './notification/notification.service';
import { PreferenceRepository } from './preferences/preference.repository';
import { PreferenceService, type PushSettings } from './preferences/preference.service';
import { PushSubscriptionRepository } from './push/push-subscription.repository';

/** Everything a resolver of this subgraph may use; nothing reaches a resolver any other way. */
export interface NotificationsContext extends RequestInfo {
  /** Null for an anonymous request, which has no notifications (UNAUTHENTICATED). */
  readonly viewer: Viewer | null;
  readonly notifications: NotificationService;
  readonly preferences: PreferenceService;
  /** The VAPID public key browsers subscribe with; null when this server sends no push. */
  readonly pushPublicKey: string | null;
  /** What `notificationReceived` listens to (the viewer's own channel). */
  readonly notificationFeed: NotificationFeed;
  readonly lowStockThresholds: LowStockThresholdService;
}

export interface ContextDependencies {
  readonly orm: SubgraphOrm;
  readonly verifier: AccessTokenVerifier;
  readonly notificationFeed: NotificationFeed;
  readonly push: PushSettings;
  /** LOW_STOCK_DEFAULT_THRESHOLD, told to administrators as `lowStockDefaultThreshold`. */
  readonly lowStockDefaultThreshold: number;
}

/** Builds the context of each request: its own EntityManager fork, and the viewer from the token. */
export function createContextFactory({ orm, verifier, notificationFeed, push, lowStockDefaultThreshold }: ContextDependencies) {
  return async (request: RequestInfo): Promise<NotificationsContext> => {
    const viewer = await authenticate(verifier, request.headers);
    const em = orm.em.fork() as EntityManager;
    return {
      ...request,
      viewer,
      notifications: new NotificationService(new NotificationRepository(em), viewer),
      notificationFeed,
      lowStockThresholds: new LowStockThresholdService(new LowStockThresholds(em), viewer, lowStockDefaultThreshold),
      preferences: new PreferenceService(new PreferenceRepository(em), new PushSubscriptionRepository(em), viewer, push),
      pushPublicKey: push.publicKey,
    };
  };
}
