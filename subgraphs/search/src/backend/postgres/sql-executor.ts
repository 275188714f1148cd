import type { SqlExecutor } from '../search-backend';

export type { SqlExecutor };

/** Where pg_trgm lives, so its operator and functions are named without relying on `search_path`. */
export interface TrigramSupport {
  /** `OPERATOR("public".%)` */
  readonly similarOperator: string;
  /** `"public".similarity` */
  readonly similarity: string;
}

/** pg_trgm as installed in this database, or null (the migration skipped it: see the migration's comment). */
export async function detectTrigramSupport(sql: SqlExecutor): Promise<TrigramSupport | null> {
  const rows: Array<{ schema: string }> = await sql.execute(
    `select n.nspname as schema from pg_extension e join pg_namespace n on n.oid = e.extnamespace where e.extname = 'pg_trgm'`,
  );
  const schema = rows[0]?.schema;
  if (!schema) return null;
  const quoted = `"${schema.replace(/"/g, '""')}"`;
  return { similarOperator: `operator(${quoted}.%)`, similarity: `${quoted}.similarity` };
}
