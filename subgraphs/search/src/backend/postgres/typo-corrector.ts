import { TABLES } from '../../database';
import { isCorrectable } from '../query-text';
import type { SqlExecutor, TrigramSupport } from './sql-executor';

/**
 * Spelling correction against the vocabulary (the words of every indexed name and category), by trigram
 * similarity (pg_trgm's `%`: similarity above 0.3, then the most similar): "hedphones" → "headphones". Words
 * the vocabulary knows, short words and numbers are kept. ONE statement for every word of the query.
 *
 * @returns the corrected words, or null when nothing was corrected.
 */
export async function correctWords(sql: SqlExecutor, trigram: TrigramSupport, words: ReadonlyArray<string>): Promise<string[] | null> {
  const candidates = words.filter(isCorrectable);
  if (candidates.length === 0) return null;
  const rows: Array<{ word: string; known: boolean; best: string | null }> = await sql.execute(
    `select w.word,
       exists (select 1 from ${TABLES.vocabulary} v where v.word = w.word) as known,
       (select v.word from ${TABLES.vocabulary} v where v.word ${trigram.similarOperator} w.word
        order by ${trigram.similarity}(v.word, w.word) desc, v.word limit 1) as best
     from jsonb_array_elements_text(?::jsonb) as w(word)`,
    [JSON.stringify(candidates)],
  );
  const corrections = new Map(rows.filter((row) => !row.known && row.best !== null).map((row) => [row.word, row.best as string]));
  if (corrections.size === 0) return null;
  return words.map((word) => corrections.get(word) ?? word);
}
