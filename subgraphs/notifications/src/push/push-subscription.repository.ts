import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { PushTarget } from '../delivery/delivery-channel';
import { TABLES } from '../database';

/** The most browsers one user keeps subscribed; registering one more forgets the oldest. */
export const MAX_PUSH_SUBSCRIPTIONS = 10;

/** Plain SQL over `notifications.push_subscription` (README.md, *Owns*): one row per endpoint. */
export class PushSubscriptionRepository {
  constructor(private readonly em: EntityManager) {}

  /**
   * Records the browser's subscription for `userId`. An endpoint is the browser's: registered again (new keys,
   * another user signed in on it) it moves to whoever registered it last. Keeps the user's newest
   * {@link MAX_PUSH_SUBSCRIPTIONS}.
   */
  async register(userId: string, target: PushTarget): Promise<void> {
    await this.em.transactional(async (em) => {
      await em.execute(
        `insert into ${TABLES.pushSubscription} ("id", "user_id", "endpoint", "p256dh", "auth", "created_at") values (?, ?, ?, ?, ?, now())
         on conflict on constraint "push_subscription_endpoint_unique" do update set "user_id" = excluded."user_id",
           "p256dh" = excluded."p256dh", "auth" = excluded."auth", "created_at" = excluded."created_at"`,
        [randomUUID(), userId, target.endpoint, target.keys.p256dh, target.keys.auth],
        'run',
      );
      await em.execute(
        `delete from ${TABLES.pushSubscription} where "user_id" = ? and "id" not in (
           select "id" from ${TABLES.pushSubscription} where "user_id" = ? order by "created_at" desc, "id" desc limit ?)`,
        [userId, userId, MAX_PUSH_SUBSCRIPTIONS],
        'run',
      );
    });
  }

  /** Forgets the user's subscription at `endpoint`; whether there was one. Another user's is left alone. */
  async unregister(userId: string, endpoint: string): Promise<boolean> {
    const rows = await this.em.execute<Array<{ id: string }>>(
      `delete from ${TABLES.pushSubscription} where "user_id" = ? and "endpoint" = ? returning "id"`,
      [userId, endpoint],
    );
    return rows.length > 0;
  }

  /** Forgets the subscription at `endpoint`, whoever's it was: the push service said it is gone (404/410). */
  async forget(endpoint: string): Promise<void> {
    await this.em.execute(`delete from ${TABLES.pushSubscription} where "endpoint" = ?`, [endpoint], 'run');
  }

  async countOf(userId: string): Promise<number> {
    const [row] = await this.em.execute<Array<{ count: string }>>(
      `select count(*) as "count" from ${TABLES.pushSubscription} where "user_id" = ?`,
      [userId],
    );
    return Number(row?.count ?? 0);
  }

  /** Every subscription of the user, newest first. */
  async targetsOf(userId: string): Promise<PushTarget[]> {
    const rows = await this.em.execute<Array<{ endpoint: string; p256dh: string; auth: string }>>(
      `select "endpoint", "p256dh", "auth" from ${TABLES.pushSubscription} where "user_id" = ? order by "created_at" desc, "id" desc`,
      [userId],
    );
    return rows.map(({ endpoint, p256dh, auth }) => ({ endpoint, keys: { p256dh, auth } }));
  }
}
