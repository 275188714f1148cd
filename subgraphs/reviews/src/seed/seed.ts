import type { Logger, SubgraphOrm } from '@techally/platform';
import { Review } from '../review/review.entity';
import { generateDemoReviews } from './demo-reviews';

/** Any constant works; it only has to be the same for every process that may seed this database. */
const SEED_LOCK_KEY = 0x7265_7677; // "revw"

/**
 * Loads the demo reviews into an empty reviews schema; does nothing when any review exists (reviews someone
 * has written or deleted are never topped up). One transaction, one multi-row insert. A transaction-scoped
 * advisory lock makes two processes seeding the same database at once harmless: the second waits, then finds
 * the reviews there.
 */
export async function seedReviews(orm: SubgraphOrm, logger?: Logger): Promise<void> {
  const seeded = await orm.em.fork().transactional(async (em) => {
    await em.execute('select pg_advisory_xact_lock(?)', [SEED_LOCK_KEY]);
    if ((await em.count(Review)) > 0) return null;
    const reviews = generateDemoReviews();
    await em.insertMany(
      Review,
      reviews.map((review) => ({ ...review, hidden: false, hiddenReason: null, moderatedBy: null, updatedAt: review.createdAt })),
    );
    return { reviews: reviews.length };
  });
  if (seeded) logger?.info(seeded, 'seeded the demo reviews');
}
