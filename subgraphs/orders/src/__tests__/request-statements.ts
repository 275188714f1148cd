import type { SubgraphOrm } from '@techally/platform';

export interface RequestStatements {
  /** The statements sent since the counter was made, without the background workers'. */
  readonly statements: ReadonlyArray<string>;
  readonly count: number;
  stop(): void;
}

/**
 * What only the background workers send: the outbox relay (the lock each batch starts with, its claim, its marks on
 * claimed rows, its pruning of published rows past the retention) and the saga's sweeps (the expiry sweeper's and
 * the PENDING deadline's keyset walks over `orders.order`), which run on intervals and would otherwise make a
 * request's count depend on when it ran.
 */
const BACKGROUND_STATEMENT =
  /pg_try_advisory_xact_lock|for update skip locked|^update "[^"]+"\."outbox" set|^delete from "[^"]+"\."(outbox|inbox)" where|^select "o"\."id", "o"\."(payment_due_at|placed_at)" from "[^"]+"\."order" as "o" where "o"\."status" = /;
const TRANSACTION_CONTROL = /^(BEGIN|COMMIT|ROLLBACK)\b/i;

/**
 * Counts the SQL statements the ORM sends (knex's `query` event), leaving out the outbox relay's: it runs in the
 * background on the same ORM (subgraph workers) and would otherwise make a request's cost depend on timing. A
 * relay batch is one transaction, so every statement of a transaction the relay's lock or claim belongs to (its
 * BEGIN and COMMIT too) is left out; a request's own statements, in a transaction or not, are kept (its
 * inserts into the outbox included). Good enough for specs, where nothing else runs transactions meanwhile.
 */
export function countRequestStatements(orm: SubgraphOrm): RequestStatements {
  const knex = orm.em.getConnection().getKnex();
  const sent: Array<{ sql: string; transaction: string | undefined }> = [];
  const onQuery = (query: { sql: string; __knexTxId?: string }) => sent.push({ sql: query.sql, transaction: query.__knexTxId });
  knex.on('query', onQuery);
  const statements = () => {
    const relay = new Set(sent.filter((row) => BACKGROUND_STATEMENT.test(row.sql)).map((row) => row.transaction));
    // A transaction seen only by its BEGIN or COMMIT is the relay's, caught at the edge of the counting window.
    const withWork = new Set(sent.filter((row) => !TRANSACTION_CONTROL.test(row.sql)).map((row) => row.transaction));
    return sent
      .filter((row) => !row.transaction || (!relay.has(row.transaction) && withWork.has(row.transaction)))
      .filter((row) => !BACKGROUND_STATEMENT.test(row.sql))
      .map((row) => row.sql);
  };
  return {
    get statements() {
      return statements();
    },
    get count() {
      return statements().length;
    },
    stop: () => void knex.removeListener('query', onQuery),
  };
}
