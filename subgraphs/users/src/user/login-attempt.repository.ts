import type { EntityManager } from '@mikro-orm/postgresql';
import { tableOf } from '../sql';
import { LoginAttemptCounterEntity } from './login-attempt.entity';
import { currentFailures, forgetBefore, type AttemptCount, type LoginThrottlePolicy } from './login-throttle.policy';

/** Stale counters deleted per failed attempt: pruning stays a bounded, small cost of the failure path. */
const PRUNE_BATCH = 100;

/**
 * The throttling counters' statements. An attempt is counted when it STARTS (as if it failed) under the rows'
 * locks, so a burst of concurrent guesses cannot all pass the check before any of them is recorded; a success
 * takes its count back. Rows are locked in key order, so two attempts sharing keys never deadlock.
 */
export class LoginAttemptRepository {
  constructor(
    private readonly em: EntityManager,
    private readonly policy: LoginThrottlePolicy,
  ) {}

  /**
   * In one short transaction (no hashing inside): reads the counters of `keys` under lock and asks `decide`
   * whether the attempt may go ahead; if it may, every counter counts it. Returns what `decide` returned.
   */
  begin<Decision extends { readonly proceed: boolean }>(
    keys: ReadonlyArray<string>,
    now: Date,
    decide: (counts: ReadonlyMap<string, AttemptCount>) => Decision,
  ): Promise<Decision> {
    const sorted = [...new Set(keys)].sort();
    const table = tableOf(this.em, LoginAttemptCounterEntity);
    const list = sorted.map(() => '?').join(', ');
    return this.em.transactional(async (tx) => {
      await tx.execute(
        `insert into ${table} (key, failures, last_attempt_at) values ${sorted.map(() => '(?, 0, ?)').join(', ')} on conflict (key) do nothing`,
        sorted.flatMap((key) => [key, now]),
        'run',
      );
      const rows = await tx.execute<Array<{ key: string; failures: number; last_attempt_at: Date | string }>>(
        `select key, failures, last_attempt_at from ${table} where key in (${list}) order by key for update`,
        sorted,
      );
      const counts = new Map(
        rows.map((row) => {
          const count = { failures: row.failures, lastAttemptAt: new Date(row.last_attempt_at) };
          return [row.key, { ...count, failures: currentFailures(count, this.policy, now) }] as const;
        }),
      );
      const decision = decide(counts);
      if (decision.proceed) {
        await tx.execute(
          `update ${table} set failures = case when last_attempt_at <= ? then 1 else failures + 1 end, last_attempt_at = ?
           where key in (${list})`,
          [forgetBefore(this.policy, now), now, ...sorted],
          'run',
        );
      }
      return decision;
    });
  }

  /** A success: `forget` start over; `takeBack` lose only this attempt (a client's count over every account). */
  async succeeded(forget: ReadonlyArray<string>, takeBack: ReadonlyArray<string>): Promise<void> {
    const table = tableOf(this.em, LoginAttemptCounterEntity);
    await this.em.execute(`delete from ${table} where key in (${forget.map(() => '?').join(', ')})`, [...forget], 'run');
    await this.em.execute(
      `update ${table} set failures = greatest(failures - 1, 0) where key in (${takeBack.map(() => '?').join(', ')})`,
      [...takeBack],
      'run',
    );
  }

  /** Deletes a batch of counters nobody has used for the policy's memory (they count as zero anyway). */
  async prune(now: Date): Promise<void> {
    const table = tableOf(this.em, LoginAttemptCounterEntity);
    await this.em.execute(
      `delete from ${table} where key in (select key from ${table} where last_attempt_at <= ? limit ${PRUNE_BATCH} for update skip locked)`,
      [forgetBefore(this.policy, now)],
      'run',
    );
  }
}
