import type { BackgroundWorker, Logger, SubgraphOrm } from '@techally/platform';
import type { SearchBackend } from '../backend/search-backend';
import { TABLES } from '../database';
import type { CatalogSource } from './catalog-source';
import type { IndexNotifications } from './index-notifications';

/** The sync_state row recording that the backend's index was built from the whole catalogue once. */
export function bootstrapStateName(backend: Pick<SearchBackend, 'name'>): string {
  return `catalog-bootstrap:${backend.name}`;
}
const BOOTSTRAP = 'catalog-bootstrap';

export interface CatalogBootstrapDependencies {
  readonly orm: SubgraphOrm;
  readonly backend: SearchBackend;
  readonly catalog: CatalogSource;
  readonly notifications: IndexNotifications;
  readonly logger: Logger;
}

/**
 * Builds the index from the catalogue as it is, once per database (README.md, *Backfill*): the events only
 * tell what changes, and the products that existed before search did (the tests seed the demo shop without
 * events; a stream keeps only its last 100,000 entries) were never announced. Pages through the products
 * subgraph's active listing, asks inventory and reviews for those products' stock and ratings, and writes each
 * page. Events handled meanwhile win: documents are compared by `updatedAt`, and stock and ratings from the
 * bootstrap only fill what no event set. Safe to run twice (two replicas starting together): every write is an
 * idempotent upsert.
 *
 * @returns the number of products indexed, or null when the index had been built already.
 */
export async function bootstrapCatalog(deps: CatalogBootstrapDependencies): Promise<number | null> {
  const connection = deps.orm.em.getConnection();
  const state = bootstrapStateName(deps.backend);
  const done = await connection.execute(`select 1 from ${TABLES.syncState} where name = ?`, [state]);
  if (done.length > 0) return null;
  let after: string | null = null;
  let indexed = 0;
  for (;;) {
    const page = await deps.catalog.productPage(after);
    const ids = page.documents.map((document) => document.id);
    const [stock, ratings] = await Promise.all([deps.catalog.stock(ids), deps.catalog.ratings(ids)]);
    // Stock and ratings before the documents: on PostgreSQL they then update a narrow row in place (HOT), and
    // the document is the one write that moves it, instead of three copies of the whole row (bench/README.md,
    // *Search*). A row without its document is never found, and the three come one after the other.
    await deps.backend.recordStock(stock.map((fact) => ({ ...fact, at: new Date() })), { onlyIfUnknown: true });
    await deps.backend.recordRating(ratings.map((fact) => ({ ...fact, at: new Date() })), { onlyIfUnknown: true });
    await deps.backend.upsertProducts(page.documents);
    for (const id of ids) deps.notifications.notify({ productId: id, cause: BOOTSTRAP });
    indexed += ids.length;
    if (!page.hasNextPage || !page.endCursor) break;
    after = page.endCursor;
  }
  await connection.execute(`insert into ${TABLES.syncState} (name, completed_at) values (?, now()) on conflict do nothing`, [state], 'run');
  deps.logger.info({ indexed }, 'search index built from the catalogue');
  return indexed;
}

/**
 * The bootstrap as a background worker: the first attempt is awaited when the subgraph starts listening (so
 * the embedded start and the tests serve a complete index at once); if a subgraph it asks does not answer yet
 * (the production shape starts them side by side), it tries again every `retryMs` in the background.
 */
export function catalogBootstrapWorker(deps: CatalogBootstrapDependencies & { readonly retryMs: number }): BackgroundWorker {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let stopped = false;
  const attempt = (): Promise<void> =>
    (running = bootstrapCatalog(deps)
      .then(() => undefined)
      .catch((error: unknown) => {
        deps.logger.warn({ err: error, retryInMs: deps.retryMs }, 'search index not built from the catalogue yet; trying again');
        if (!stopped) timer = setTimeout(() => void attempt(), deps.retryMs);
      })
      .finally(() => {
        running = null;
      }));
  return {
    name: 'search.catalog-bootstrap',
    async start() {
      stopped = false;
      await attempt();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await running;
    },
  };
}
