import type { EntityManager } from '@mikro-orm/postgresql';
import { TABLES } from '../database';
import type { ChannelChoice, NotificationCategory } from './notification-category';

/** A category's choice as stored (only categories the user ever changed have one). */
export type StoredChoices = ReadonlyMap<NotificationCategory, ChannelChoice>;

/** What one update writes: whole choices (already merged with what was there) and, when given, the number. */
export interface PreferenceChanges {
  readonly choices: ReadonlyArray<readonly [NotificationCategory, ChannelChoice]>;
  /** undefined: leave the number as it is; null: clear it. */
  readonly smsNumber?: string | null;
}

interface ChoiceRow extends ChannelChoice {
  readonly category: NotificationCategory;
}

/** Plain SQL over `notification_preference` and `notification_contact` (README.md, *Owns*). */
export class PreferenceRepository {
  constructor(private readonly em: EntityManager) {}

  async choicesOf(userId: string): Promise<StoredChoices> {
    const rows = await this.em.execute<ChoiceRow[]>(
      `select "category", "email", "sms", "push" from ${TABLES.preference} where "user_id" = ?`,
      [userId],
    );
    return new Map(rows.map(({ category, email, sms, push }) => [category, { email, sms, push }]));
  }

  /** One category's stored choice with the user's number, in one statement (the delivery path asks this per message). */
  async choiceOf(userId: string, category: NotificationCategory): Promise<{ choice: ChannelChoice | null; smsNumber: string | null }> {
    const [row] = await this.em.execute<Array<{ email: boolean | null; sms: boolean | null; push: boolean | null; smsNumber: string | null }>>(
      `select p."email", p."sms", p."push", c."sms_number" as "smsNumber"
       from (select ?::uuid as "user_id") u
       left join ${TABLES.preference} p on p."user_id" = u."user_id" and p."category" = ?
       left join ${TABLES.contact} c on c."user_id" = u."user_id"`,
      [userId, category],
    );
    const choice = row && row.email !== null && row.sms !== null && row.push !== null ? { email: row.email, sms: row.sms, push: row.push } : null;
    return { choice, smsNumber: row?.smsNumber ?? null };
  }

  async smsNumberOf(userId: string): Promise<string | null> {
    const [row] = await this.em.execute<Array<{ smsNumber: string | null }>>(
      `select "sms_number" as "smsNumber" from ${TABLES.contact} where "user_id" = ?`,
      [userId],
    );
    return row?.smsNumber ?? null;
  }

  /** Writes every change of one update in one transaction: all of it or nothing. */
  async save(userId: string, changes: PreferenceChanges): Promise<void> {
    await this.em.transactional(async (em) => {
      for (const [category, { email, sms, push }] of changes.choices) {
        await em.execute(
          `insert into ${TABLES.preference} ("user_id", "category", "email", "sms", "push", "updated_at") values (?, ?, ?, ?, ?, now())
           on conflict ("user_id", "category") do update set "email" = excluded."email", "sms" = excluded."sms",
             "push" = excluded."push", "updated_at" = excluded."updated_at"`,
          [userId, category, email, sms, push],
          'run',
        );
      }
      if (changes.smsNumber !== undefined) {
        await em.execute(
          `insert into ${TABLES.contact} ("user_id", "sms_number", "updated_at") values (?, ?, now())
           on conflict ("user_id") do update set "sms_number" = excluded."sms_number", "updated_at" = excluded."updated_at"`,
          [userId, changes.smsNumber],
          'run',
        );
      }
    });
  }
}
