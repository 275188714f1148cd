import { migrate, type SubgraphOrm } from '@techally/platform';
import { countStatements, createTestDatabase, type TestDatabase } from '@techally/testing';
import { createReviewsOrm } from '../../database';
import { generateDemoReviews } from '../demo-reviews';
import { seedReviews } from '../seed';

let database: TestDatabase;
let orm: SubgraphOrm;

beforeAll(async () => {
  database = await createTestDatabase();
  orm = await createReviewsOrm({ databaseUrl: database.url, poolMax: database.poolMax });
  await migrate(orm);
});
afterAll(async () => {
  await orm?.close();
  await database?.drop();
});

async function rows(): Promise<Array<{ id: string; rating: number; hidden: boolean }>> {
  return orm.em.fork().getConnection().execute('select id, rating, hidden from reviews.review order by id');
}

describe('seedReviews', () => {
  it('loads every demo review in one multi-row insert', async () => {
    const counter = countStatements(orm);
    try {
      await seedReviews(orm);
      const inserts = counter.statements.filter((sql) => sql.startsWith('insert'));
      expect(inserts).toHaveLength(1);
    } finally {
      counter.stop();
    }
    const expected = generateDemoReviews();
    const stored = await rows();
    expect(stored).toHaveLength(expected.length);
    expect(stored).toEqual(
      [...expected].sort((a, b) => (a.id < b.id ? -1 : 1)).map((review) => ({ id: review.id, rating: review.rating, hidden: false })),
    );
  });

  it('does nothing the second time, even when run twice at once', async () => {
    const before = await rows();
    await Promise.all([seedReviews(orm), seedReviews(orm)]);
    expect(await rows()).toEqual(before);
  });

  it('never tops up reviews someone has deleted', async () => {
    const [first] = await rows();
    await orm.em.fork().getConnection().execute('delete from reviews.review where id = ?', [first!.id]);
    await seedReviews(orm);
    expect((await rows()).map((row) => row.id)).not.toContain(first!.id);
  });
});
