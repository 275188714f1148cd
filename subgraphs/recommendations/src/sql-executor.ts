/** What the recommendation statements run on: an EntityManager inside a transaction, or the pool's connection. */
export interface SqlExecutor {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- MikroORM's execute types its result loosely; callers name the rows
  execute(sql: string, params?: unknown[], method?: 'all' | 'get' | 'run'): Promise<any>;
}

/** A uuid[] parameter, as PostgreSQL's array literal (the pg driver sends it as text; `?::uuid[]` casts it). */
export function uuidArray(ids: ReadonlyArray<string>): string {
  return `{${ids.join(',')}}`;
}
