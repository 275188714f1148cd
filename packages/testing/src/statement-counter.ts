import type { SubgraphOrm } from '@techally/platform';

export interface StatementCounter {
  /** SQL statements sent since the counter was made or last reset. */
  readonly count: number;
  /** The statements themselves, for a failure message that shows what ran. */
  readonly statements: ReadonlyArray<string>;
  reset(): void;
  stop(): void;
}

/** Counts the SQL statements an ORM sends (knex's `query` event), to prove a request costs a bounded number. */
export function countStatements(orm: SubgraphOrm): StatementCounter {
  const knex = orm.em.getConnection().getKnex();
  const statements: string[] = [];
  const onQuery = (query: { sql: string }) => statements.push(query.sql);
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
