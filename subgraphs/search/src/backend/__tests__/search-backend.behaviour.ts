import { SearchSort, type SearchBackend, type SearchFilter, type SearchRequest, type SearchSummary } from '../search-backend';
import { ACTIVE_COUNT, CATEGORY, DAY, documentOf, EPOCH, FIXTURE, FIXTURE_PRODUCTS, indexFixture, nameOf, productId } from './search-fixture';

/** A backend on an empty index of the test file's own; `stop` frees it. */
export interface BackendUnderTest {
  readonly backend: SearchBackend;
  stop(): Promise<void>;
}

const ALL_SORTS = Object.values(SearchSort);

/**
 * The contract of a search backend (issue #13), as specs every backend runs on the same fixture catalogue:
 * PostgreSQL for real (postgres-search-backend.int.test.ts); an Elasticsearch backend passes `open` to run it.
 */
export function describeSearchBackend(name: string, open: () => Promise<BackendUnderTest>): void {
  describe(`the ${name} search backend`, () => {
    let subject: BackendUnderTest;
    let backend: SearchBackend;
    beforeAll(async () => {
      subject = await open();
      backend = subject.backend;
      await indexFixture(backend);
    }, 60_000);
    afterAll(() => subject?.stop());

    const request = (overrides: Partial<SearchRequest> = {}): SearchRequest => ({
      query: null,
      filter: {},
      sort: SearchSort.RELEVANCE,
      first: 100,
      after: null,
      ...overrides,
    });
    const ids = async (overrides: Partial<SearchRequest>) => (await backend.search(request(overrides))).hits.map((hit) => hit.productId);
    const names = async (overrides: Partial<SearchRequest>) => (await backend.search(request(overrides))).hits.map((hit) => nameOf(hit.productId));

    /** Every page of a search, `first` at a time, following the positions. */
    async function allPages(overrides: Partial<SearchRequest>, first: number): Promise<string[]> {
      const seen: string[] = [];
      let after: SearchRequest['after'] = null;
      for (let page = 0; page < 50; page++) {
        const result = await backend.search(request({ ...overrides, first, after }));
        seen.push(...result.hits.map((hit) => hit.productId));
        if (!result.hasNextPage) return seen;
        after = result.hits.at(-1)!.position;
      }
      throw new Error('more than 50 pages');
    }

    describe('relevance', () => {
      it('ranks a product named after the query above products that only mention it in their description', async () => {
        const found = await names({ query: 'headphones' });
        expect(found.slice(0, 2).sort()).toEqual(['Studio Headphones', 'Travel Headphones Lite']);
        expect(found).toEqual(expect.arrayContaining(['Bookshelf Speaker Pair', 'Braided Cable']));
        // A description saying it three times still comes after a name saying it once.
        expect(found.indexOf('Braided Cable')).toBeGreaterThan(found.indexOf('Travel Headphones Lite'));
      });

      it('matches stemmed words, phrases and exclusions as a shopper writes them', async () => {
        expect(await names({ query: 'headphone' })).toContain('Studio Headphones');
        expect(await names({ query: '"studio headphones"' })).toEqual(['Studio Headphones']);
        expect(await names({ query: 'headphones -studio -travel -cable -bookshelf' })).toEqual(['Headphone Stand']);
      });

      it('finds a product by its SKU and by the names of its categories', async () => {
        expect(await names({ query: 'FIX-6' })).toEqual(['Gaming Laptop']);
        expect(await names({ query: 'speakers', sort: SearchSort.PRICE_ASC })).toEqual(['Portable Speaker', 'Bookshelf Speaker Pair']);
      });

      it('never finds an archived product', async () => {
        expect(await names({ query: 'vintage' })).toEqual([]);
        expect((await allPages({}, 100)).length).toBe(ACTIVE_COUNT);
      });

      it('finds nothing for words no product has', async () => {
        const page = await backend.search(request({ query: 'xylophone' }));
        expect(page.hits).toEqual([]);
        expect(page.hasNextPage).toBe(false);
      });
    });

    describe('filters', () => {
      const filtered = async (filter: SearchFilter) => (await names({ filter, sort: SearchSort.PRICE_ASC })).sort();
      const expected = (predicate: (product: (typeof FIXTURE)[number]) => boolean) =>
        FIXTURE.filter((product) => product.status === undefined && predicate(product)).map((product) => product.name).sort();

      it('by category, sub-categories included', async () => {
        expect(await filtered({ categoryId: CATEGORY.audio.id })).toEqual(
          expected((product) => ['audio', 'headphones', 'speakers'].includes(product.category)),
        );
        expect(await filtered({ categoryId: CATEGORY.headphones.id })).toEqual(['Studio Headphones', 'Travel Headphones Lite']);
      });

      it('by price, both bounds inclusive', async () => {
        expect(await filtered({ minPrice: 4_900, maxPrice: 19_900 })).toEqual(expected((product) => product.price >= 4_900 && product.price <= 19_900));
        expect(await filtered({ minPrice: 99_900 })).toEqual(['Gaming Laptop', 'Ultrabook Laptop']);
        expect(await filtered({ maxPrice: 1_500 })).toEqual(['Braided Cable']);
      });

      it('by stock, either way', async () => {
        expect(await filtered({ inStock: true })).toEqual(expected((product) => product.inStock));
        expect(await filtered({ inStock: false })).toEqual(expected((product) => !product.inStock));
      });

      it('by rating, leaving unrated products out', async () => {
        expect(await filtered({ minRating: 4.5 })).toEqual(['Bookshelf Speaker Pair', 'Studio Headphones']);
        expect(await filtered({ minRating: 1 })).toEqual(expected((product) => product.rating !== null));
      });

      it('all together, with a query', async () => {
        expect(await names({ query: 'headphones', filter: { categoryId: CATEGORY.audio.id, inStock: true, maxPrice: 20_000, minRating: 4 } })).toEqual([
          'Studio Headphones',
        ]);
      });
    });

    describe('sorts', () => {
      const active = FIXTURE.filter((product) => product.status === undefined);
      const ordered = async (sort: SearchSort) => (await backend.search(request({ sort }))).hits.map((hit) => FIXTURE.find((p) => p.id === hit.productId)!);

      it('PRICE_ASC and PRICE_DESC by price', async () => {
        const ascending = (await ordered(SearchSort.PRICE_ASC)).map((product) => product.price);
        expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
        const descending = (await ordered(SearchSort.PRICE_DESC)).map((product) => product.price);
        expect(descending).toEqual([...ascending].reverse());
        expect(ascending).toHaveLength(active.length);
      });

      it('NEWEST by the date the product was added, and RELEVANCE without a query reads as NEWEST', async () => {
        const days = (await ordered(SearchSort.NEWEST)).map((product) => product.day);
        expect(days).toEqual([...days].sort((a, b) => b - a));
        expect(await ordered(SearchSort.RELEVANCE)).toEqual(await ordered(SearchSort.NEWEST));
      });

      it('RATING by average stars, then the number of reviews, unrated last', async () => {
        const rated = await ordered(SearchSort.RATING);
        expect(rated[0]!.name).toBe('Bookshelf Speaker Pair');
        const keys = rated.map((product) => [product.rating?.average ?? 0, product.rating?.count ?? 0] as const);
        for (let i = 1; i < keys.length; i++) {
          const [average, count] = keys[i]!;
          const [previousAverage, previousCount] = keys[i - 1]!;
          expect(average < previousAverage || (average === previousAverage && count <= previousCount)).toBe(true);
        }
        expect(rated.slice(-2).map((product) => product.rating)).toEqual([null, null]);
      });
    });

    describe('pagination', () => {
      it.each(ALL_SORTS)('pages through %s without duplicates or gaps, whatever the page size', async (sort) => {
        for (const query of [null, 'headphones']) {
          const everything = (await backend.search(request({ sort, query }))).hits.map((hit) => hit.productId);
          for (const first of [1, 2, 5]) {
            const paged = await allPages({ sort, query }, first);
            expect(paged).toEqual(everything);
          }
        }
      });
    });

    describe('facets', () => {
      const adds = (summary: SearchSummary) => {
        const sum = (counts: ReadonlyArray<{ count: number }>) => counts.reduce((total, { count }) => total + count, 0);
        expect(sum(summary.categories)).toBe(summary.totalCount);
        expect(sum(summary.priceBands)).toBe(summary.totalCount);
        expect(summary.inStock + summary.outOfStock).toBe(summary.totalCount);
      };

      it('count the matches per category, price band and stock, each adding up to the total', async () => {
        const summary = await backend.summarize({ query: null, filter: {} });
        expect(summary.totalCount).toBe(ACTIVE_COUNT);
        adds(summary);
        expect(summary.categories.find((facet) => facet.categoryId === CATEGORY.headphones.id)?.count).toBe(2);
        expect(summary.priceBands.find((band) => band.min === 100_000)).toEqual({ min: 100_000, max: null, count: 1 });
        expect(summary.priceBands.find((band) => band.min === 0)).toEqual({ min: 0, max: 2_500, count: 1 });
      });

      it('follow the query and the filter', async () => {
        const summary = await backend.summarize({ query: 'headphones', filter: { inStock: true } });
        const expectedTotal = (await backend.search(request({ query: 'headphones', filter: { inStock: true } }))).hits.length;
        expect(summary.totalCount).toBe(expectedTotal);
        expect(summary.outOfStock).toBe(0);
        adds(summary);
      });

      it('are all zero for no match', async () => {
        const summary = await backend.summarize({ query: 'xylophone', filter: {} });
        expect(summary.totalCount).toBe(0);
        expect(summary.categories).toEqual([]);
        expect(summary.priceBands.every((band) => band.count === 0)).toBe(true);
      });
    });

    describe('typos', () => {
      it('corrects a misspelt query that finds nothing, and says what it searched for instead', async () => {
        if (!(await backend.typoTolerance())) return;
        const page = await backend.search(request({ query: 'hedphones' }));
        expect(page.correctedQuery).toBe('headphones');
        expect(page.hits.map((hit) => nameOf(hit.productId))).toContain('Studio Headphones');
        const twoWords = await backend.search(request({ query: 'studio hedphones' }));
        expect(twoWords.correctedQuery).toBe('studio headphones');
        expect(twoWords.hits.map((hit) => nameOf(hit.productId))).toEqual(['Studio Headphones']);
      });

      it('leaves a query that finds something as it is, and gibberish uncorrected', async () => {
        expect((await backend.search(request({ query: 'headphones' }))).correctedQuery).toBeNull();
        const gibberish = await backend.search(request({ query: 'qqqzzzxxx' }));
        expect(gibberish).toEqual({ hits: [], hasNextPage: false, correctedQuery: null });
      });
    });

    describe('suggestions', () => {
      const suggested = async (prefix: string, first = 8) => (await backend.suggest(prefix, first)).map((suggestion) => suggestion.name);

      it('proposes active products whose name has words starting with what was typed, names starting with it first', async () => {
        expect(await suggested('head')).toEqual(['Headphone Stand', 'Studio Headphones', 'Travel Headphones Lite']);
        expect(await suggested('studio hea')).toEqual(['Studio Headphones']);
        expect(await suggested('desk', 2)).toHaveLength(2);
        expect(await suggested('vint')).toEqual([]);
      });

      it('proposes nothing for words no name starts with, and corrects a misspelt word', async () => {
        expect(await suggested('xylo')).toEqual([]);
        if (await backend.typoTolerance()) expect(await suggested('hedphones')).toEqual(expect.arrayContaining(['Studio Headphones']));
      });
    });

    describe('index writes', () => {
      const travel = FIXTURE_PRODUCTS.find((product) => product.name === 'Travel Headphones Lite')!;
      const travelId = productId('Travel Headphones Lite');

      it('keep the newest document: an older one arriving late changes nothing', async () => {
        const newer = new Date(EPOCH + 30 * DAY);
        await backend.upsertProducts([documentOf(travel, { name: 'Travel Headphones Max', updatedAt: newer })]);
        await backend.upsertProducts([documentOf(travel, { name: 'Travel Headphones Old', updatedAt: new Date(EPOCH + 20 * DAY) })]);
        // The fixture's names are the original ones: what the index found is checked by id.
        expect(await ids({ query: 'max' })).toEqual([travelId]);
        expect(await ids({ query: 'old' })).toEqual([]);
        await backend.upsertProducts([documentOf(travel, { updatedAt: new Date(EPOCH + 31 * DAY) })]);
      });

      it('keep the newest stock and rating, and a snapshot never overrides what an event said', async () => {
        const at = (day: number) => new Date(EPOCH + day * DAY);
        await backend.recordStock([{ productId: travelId, inStock: true, available: 3, at: at(40) }]);
        await backend.recordStock([{ productId: travelId, inStock: false, available: 0, at: at(39) }]);
        await backend.recordStock([{ productId: travelId, inStock: false, available: 0, at: at(50) }], { onlyIfUnknown: true });
        expect(await names({ query: 'travel', filter: { inStock: true } })).toEqual(['Travel Headphones Lite']);
        await backend.recordRating([{ productId: travelId, average: 2, count: 1, at: at(40) }]);
        await backend.recordRating([{ productId: travelId, average: 5, count: 9, at: at(39) }]);
        expect(await names({ query: 'travel', filter: { minRating: 3 } })).toEqual([]);
        await backend.recordStock([{ productId: travelId, inStock: false, available: 0, at: at(41) }]);
        await backend.recordRating([{ productId: travelId, average: 3.9, count: 4, at: at(41) }]);
      });

      it('learn stock of a product before its document without making it findable', async () => {
        const early = '00000000-0000-4000-8000-000000000999';
        await backend.recordStock([{ productId: early, inStock: true, available: 1, at: new Date() }]);
        expect((await allPages({}, 100)).length).toBe(ACTIVE_COUNT);
        await backend.upsertProducts([{ ...documentOf(FIXTURE_PRODUCTS[0]!), id: early, name: 'Early Bird Speaker', sku: 'FIX-999' }]);
        expect(await ids({ query: 'early', filter: { inStock: true } })).toEqual([early]);
        await backend.upsertProducts([{ ...documentOf(FIXTURE_PRODUCTS[0]!), id: early, name: 'Early Bird Speaker', sku: 'FIX-999', status: 'ARCHIVED', updatedAt: new Date() }]);
        expect(await names({ query: 'early' })).toEqual([]);
      });
    });
  });
}
