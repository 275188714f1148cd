import type { EntityManager } from '@mikro-orm/postgresql';
import type { UserSnapshotV1 } from '@techally/events';
import { TABLES } from '../database';

/** A user as the notifications know them: enough to address a message and to tell staff from customers. */
export interface Recipient {
  readonly userId: string;
  readonly email: string;
  readonly name: string;
  readonly roles: readonly string[];
}

/** The role whose holders hear staff alerts (low stock); the platform's `Role.ADMIN`. */
export const STAFF_ROLE = 'ADMIN';

const COLUMNS = `"user_id" as "userId", "email", "name", "roles"`;

/**
 * The users the events told us about (`notifications.recipient`, README.md, *Owns*). Learned only from the users
 * stream, never read from the users subgraph: a recipient not learned yet is simply unknown (null), and the
 * caller decides whether to wait for them.
 */
export class RecipientDirectory {
  constructor(private readonly em: EntityManager) {}

  /**
   * Records a snapshot unless a newer one is already known: the newest `occurredAt` wins, so a duplicate, a replay
   * or an older event arriving late changes nothing. Returns whether this snapshot is now the one on record.
   */
  async learn(snapshot: UserSnapshotV1, occurredAt: Date): Promise<boolean> {
    const rows = await this.em.execute<Array<{ userId: string }>>(
      `insert into ${TABLES.recipient} ("user_id", "email", "name", "roles", "as_of") values (?, ?, ?, ?::text[], ?)
       on conflict ("user_id") do update set "email" = excluded."email", "name" = excluded."name",
         "roles" = excluded."roles", "as_of" = excluded."as_of"
       where ${TABLES.recipient}."as_of" < excluded."as_of"
       returning "user_id" as "userId"`,
      [snapshot.userId, snapshot.email, snapshot.name, toTextArray(snapshot.roles), occurredAt],
    );
    return rows.length > 0;
  }

  async find(userId: string): Promise<Recipient | null> {
    const [row] = await this.em.execute<Recipient[]>(`select ${COLUMNS} from ${TABLES.recipient} where "user_id" = ?`, [userId]);
    return row ?? null;
  }

  /** Everyone who hears staff alerts, in a stable order. */
  async staff(): Promise<Recipient[]> {
    return this.em.execute<Recipient[]>(
      `select ${COLUMNS} from ${TABLES.recipient} where ? = any("roles") order by "user_id"`,
      [STAFF_ROLE],
    );
  }
}

/** A Postgres array literal (`{"ADMIN","CUSTOMER"}`); roles are codes, so quoting is all they need. */
function toTextArray(values: readonly string[]): string {
  return `{${values.map((value) => `"${value}"`).join(',')}}`;
}
