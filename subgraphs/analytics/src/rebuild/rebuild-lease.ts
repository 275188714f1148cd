import { randomUUID } from 'node:crypto';
import { DomainError, ErrorCode } from '@techally/platform';
import { ANALYTICS_SCHEMA } from '../database';
import type { SqlExecutor } from '../sales/sales-facts';

const LEASE = `"${ANALYTICS_SCHEMA}"."rebuild_lease"`;

/** How long a claim holds without being renewed (each page renews it): a rebuild that died frees it then. */
export const LEASE_SECONDS = 600;

/**
 * One rebuild at a time across every analytics process (SUBGRAPH_WORKERS, several pods): a row with a holder and
 * an expiry, claimed only when free or lapsed. A row, not a session advisory lock, because that would hold a
 * pool connection for the whole rebuild (the embedded start has one).
 */
export class RebuildLease {
  private readonly holder = randomUUID();

  constructor(private readonly sql: SqlExecutor) {}

  /** Claims the lease, or throws CONFLICT when another rebuild holds it. */
  async claim(): Promise<void> {
    const rows: unknown[] = await this.sql.execute(
      `insert into ${LEASE} as l ("name", "holder", "expires_at") values ('rebuild', ?, now() + make_interval(secs => ?))
       on conflict ("name") do update set "holder" = excluded."holder", "expires_at" = excluded."expires_at" where l."expires_at" < now()
       returning "holder"`,
      [this.holder, LEASE_SECONDS],
    );
    if (rows.length === 0) throw new DomainError(ErrorCode.CONFLICT, 'A rebuild of the analytics read model is already running; try again when it has finished.');
  }

  async renew(): Promise<void> {
    await this.sql.execute(`update ${LEASE} set "expires_at" = now() + make_interval(secs => ?) where "name" = 'rebuild' and "holder" = ?`, [LEASE_SECONDS, this.holder], 'run');
  }

  async release(): Promise<void> {
    await this.sql.execute(`delete from ${LEASE} where "name" = 'rebuild' and "holder" = ?`, [this.holder], 'run');
  }
}
