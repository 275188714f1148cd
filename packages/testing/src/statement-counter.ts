import type { SubgraphApp, SubgraphOrm } from '@techally/platform';

export interface StatementCounter {
  /** SQL statements sent since the counter was made or last reset. */
  readonly count: number;
  /** The statements themselves, for a failure message that shows what ran. */
  readonly statements: ReadonlyArray<string>;
  reset(): void;
  stop(): void;
}

export interface StatementCounterOptions {
  /**
   * Leave out every statement sent on a transaction's connection (its `begin` and `commit` included). For
   * counting a read path while background workers write in transactions of their own (an outbox relay polling
   * every 100 ms): the reads a request makes run outside any transaction. Never for counting writes.
   */
  readonly outsideTransactionsOnly?: boolean;
}

/** Counts the SQL statements an ORM sends (knex's `query` event), to prove a request costs a bounded number. */
export function countStatements(orm: SubgraphOrm, options: StatementCounterOptions = {}): StatementCounter {
  const knex = orm.em.getConnection().getKnex();
  const statements: string[] = [];
  // knex tags each statement with the transaction of the connection it ran on (`__knexTxId`), none outside one.
  const onQuery = (query: { sql: string; __knexTxId?: string }) => {
    if (options.outsideTransactionsOnly && query.__knexTxId) return;
    statements.push(query.sql);
  };
  knex.on('query', onQuery);
  return {
    get count() {
      return statements.length;
    },
    statements,
    reset: () => void statements.splice(0),
    stop: () => void knex.removeListener('query', onQuery),
  };
}

/**
 * Listens (which starts the outbox relay and any other background worker) and returns once the relay's first
 * round has sent its last statement, so a test counting statements right after never counts the relay's. For a
 * subgraph whose relay then polls rarely (OUTBOX_POLL_INTERVAL_MS 60000, no LISTEN). The first round is a
 * replay check and a batch (a transaction each), then the prune of published rows (due at once, and the round's
 * last statement): waiting for the first transaction's commit alone left the rest to land in a test's window.
 */
export async function listenAfterFirstRelayPoll(subgraph: SubgraphApp): Promise<string> {
  const counter = countStatements(subgraph.orm);
  try {
    const url = await subgraph.listen(0);
    const polled = () => counter.statements.some((sql) => /^delete from .*"outbox"/i.test(sql.trim()));
    for (let waited = 0; !polled(); waited += 10) {
      if (waited > 15_000) throw new Error(`the outbox relay never polled: ${counter.statements.join(' | ')}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return url;
  } finally {
    counter.stop();
  }
}
