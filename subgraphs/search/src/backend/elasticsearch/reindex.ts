import type { Client } from '@elastic/elasticsearch';
import { createIndex, ensureIndex, newIndexName } from './elasticsearch-index';

export interface ReindexResult {
  /** The indexes the alias pointed to before (kept, for a rollback: delete them once satisfied). */
  readonly previous: string[];
  readonly current: string;
  readonly copied: number;
}

/** Catch-up passes at most, before the alias moves (each copies what was written during the previous one). */
const MAX_CATCH_UP_PASSES = 5;

/**
 * Zero-downtime reindex (`pnpm --filter search reindex`): a new index with the current mapping and analyzers,
 * filled from the one behind the alias (`_reindex`, server side), caught up on what the consumer wrote
 * meanwhile (documents whose `indexed_at` is later than the pass before: writes keep going to the alias, so to
 * the old index, while this runs), then the alias moved in ONE `_aliases` request — searches never see a
 * missing or half-built index. A last pass creates what was written to the old index between the last catch-up
 * and the move (milliseconds; a change to an existing document in that window is left to its next event).
 * Without an index yet, creates the first one.
 */
export async function reindex(client: Client, alias: string, log: (message: string) => void = () => undefined): Promise<ReindexResult> {
  if (!(await client.indices.existsAlias({ name: alias }))) {
    await ensureIndex(client, alias);
    const created = Object.keys(await client.indices.getAlias({ name: alias }));
    log(`created ${created.join(', ')} behind ${alias}: nothing to copy`);
    return { previous: [], current: created[0] ?? alias, copied: 0 };
  }
  const previous = Object.keys(await client.indices.getAlias({ name: alias }));
  const target = newIndexName(alias);
  await createIndex(client, target);
  log(`copying ${previous.join(', ')} into ${target}`);
  let since = Date.now();
  const full = await client.reindex({ source: { index: previous }, dest: { index: target }, conflicts: 'proceed', refresh: true, wait_for_completion: true });
  let copied = full.total ?? 0;
  for (let pass = 0; pass < MAX_CATCH_UP_PASSES; pass++) {
    const started = Date.now();
    const caughtUp = await client.reindex({
      source: { index: previous, query: { range: { indexed_at: { gte: since } } } },
      dest: { index: target },
      conflicts: 'proceed',
      refresh: true,
      wait_for_completion: true,
    });
    since = started;
    if (!caughtUp.total) break;
    copied += caughtUp.total;
  }
  await client.indices.updateAliases({
    actions: [...previous.map((index) => ({ remove: { index, alias } })), { add: { index: target, alias, is_write_index: true } }],
  });
  await client.reindex({
    source: { index: previous, query: { range: { indexed_at: { gte: since } } } },
    dest: { index: target, op_type: 'create' },
    conflicts: 'proceed',
    refresh: true,
    wait_for_completion: true,
  });
  log(`${alias} now points to ${target} (${copied} documents); ${previous.join(', ')} kept: delete when satisfied`);
  return { previous, current: target, copied };
}
