import { Client, errors } from '@elastic/elasticsearch';
import Mock from '@elastic/elasticsearch-mock';
import { ElasticsearchSearchBackend } from '../elasticsearch/elasticsearch-search-backend';
import { reindex } from '../elasticsearch/reindex';
import { SearchSort } from '../search-backend';
import { CATEGORY, documentOf, FIXTURE_PRODUCTS } from './search-fixture';

// No Elasticsearch server can run here (issue #13): these specs drive the backend through the official client
// over @elastic/elasticsearch-mock — the requests it sends, and how it reads responses shaped as a real
// server's. The behaviour contract itself (search-backend.behaviour.ts) needs a server: run it with one.

const ALIAS = 'techally-products';
const A = '00000000-0000-4000-8000-000000000001';
const B = '00000000-0000-4000-8000-000000000002';

interface Sent {
  method: string;
  path: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- request bodies are asserted on as JSON
  body: any;
  querystring: Record<string, unknown>;
}

function setUp() {
  const mock = new Mock();
  const sent: Sent[] = [];
  const client = new Client({ node: 'http://localhost:9200', Connection: mock.getConnection() });
  const record = (params: Sent) => void sent.push({ method: params.method, path: params.path, body: params.body, querystring: params.querystring });
  const backend = new ElasticsearchSearchBackend({ client, alias: ALIAS });
  return { mock, sent, client, backend, record };
}

const searchResponse = (hits: Array<{ id: string; sort: unknown[]; name?: string }>, extra: Record<string, unknown> = {}) => ({
  took: 3,
  timed_out: false,
  _shards: { total: 1, successful: 1, skipped: 0, failed: 0 },
  hits: {
    total: { value: hits.length, relation: 'eq' },
    max_score: null,
    hits: hits.map((hit) => ({ _index: `${ALIAS}-20261207000000`, _id: hit.id, _score: null, sort: hit.sort, ...(hit.name ? { _source: { name: hit.name } } : {}) })),
  },
  ...extra,
});

describe('the Elasticsearch search backend (with the client mocked at the HTTP layer)', () => {
  it('writes documents, stock and ratings as ONE bulk of scripted upserts to the alias, with the time guards as parameters', async () => {
    const { mock, sent, backend, record } = setUp();
    mock.add({ method: 'POST', path: '/_bulk' }, (params) => {
      record(params as unknown as Sent);
      return { took: 1, errors: false, items: [] };
    });
    const studio = FIXTURE_PRODUCTS[0]!;
    await backend.upsertProducts([documentOf(studio), documentOf(FIXTURE_PRODUCTS[1]!)]);
    await backend.recordStock([{ productId: A, inStock: true, available: 4, at: new Date(1_000) }], { onlyIfUnknown: true });
    expect(sent).toHaveLength(2);
    const [action, update] = sent[0]!.body;
    expect(sent[0]!.body).toHaveLength(4);
    expect(action).toEqual({ update: { _index: ALIAS, _id: documentOf(studio).id, retry_on_conflict: 3 } });
    expect(update.scripted_upsert).toBe(true);
    expect(update.script.source).toContain('source_updated_at > params.updated_at');
    expect(update.script.params).toMatchObject({
      updated_at: documentOf(studio).updatedAt.getTime(),
      fields: { name: 'Studio Headphones', price_amount: 19_900, category_path: [CATEGORY.audio.id, CATEGORY.headphones.id], category_names: 'Audio Headphones', status: 'ACTIVE' },
    });
    expect(sent[1]!.body[1].script.params).toMatchObject({ time_field: 'stock_at', at: 1_000, only_if_unknown: true, fields: { in_stock: true, available: 4 } });
  });

  it('fails the write (so the event comes again) when Elasticsearch refuses an item', async () => {
    const { mock, backend } = setUp();
    mock.add({ method: 'POST', path: '/_bulk' }, () => ({
      took: 1,
      errors: true,
      items: [{ update: { _index: ALIAS, _id: A, status: 429, error: { type: 'es_rejected_execution_exception', reason: 'queue full' } } }],
    }));
    await expect(backend.recordRating([{ productId: A, average: 4, count: 1, at: new Date() }])).rejects.toThrow(/es_rejected_execution_exception/);
  });

  it('searches with the text, the filter and the sort as one request, and resumes after the last hit’s sort values', async () => {
    const { mock, sent, backend, record } = setUp();
    mock.add({ method: 'POST', path: `/${ALIAS}/_search` }, (params) => {
      record(params as unknown as Sent);
      return searchResponse([
        { id: A, sort: [4_900, A] },
        { id: B, sort: [4_900, B] },
      ]);
    });
    const page = await backend.search({
      query: 'noise or cancelling -wired',
      filter: { categoryId: CATEGORY.audio.id, minPrice: 100, maxPrice: 9_000, inStock: true, minRating: 4 },
      sort: SearchSort.PRICE_ASC,
      first: 1,
      after: [2_900, B],
    });
    expect(page).toEqual({ hits: [{ productId: A, position: [4_900, A] }], hasNextPage: true, correctedQuery: null });
    const body = sent[0]!.body;
    expect(body.size).toBe(2);
    expect(body.search_after).toEqual([2_900, B]);
    expect(body.sort).toEqual([{ price_amount: { order: 'asc' } }, { id: { order: 'asc' } }]);
    expect(body.query.bool.must[0].simple_query_string).toMatchObject({ query: 'noise | cancelling -wired', default_operator: 'and' });
    expect(body.query.bool.filter).toEqual([
      { term: { status: 'ACTIVE' } },
      { term: { category_path: CATEGORY.audio.id } },
      { range: { price_amount: { gte: 100, lte: 9_000 } } },
      { term: { in_stock: true } },
      { range: { rating_average: { gte: 4 } } },
    ]);
  });

  it('corrects a query that found nothing with the term suggester, and answers with the correction’s hits', async () => {
    const { mock, sent, backend, record } = setUp();
    mock.add({ method: 'POST', path: `/${ALIAS}/_search` }, (params) => {
      record(params as unknown as Sent);
      const body = (params as unknown as Sent).body;
      if (body.suggest) {
        return searchResponse([], {
          suggest: {
            spelling: [
              { text: 'studio', offset: 0, length: 6, options: [] },
              { text: 'hedphones', offset: 7, length: 9, options: [{ text: 'headphones', score: 0.88, freq: 12 }] },
            ],
          },
        });
      }
      const query: string = body.query.bool.must[0].simple_query_string.query;
      return searchResponse(query === 'studio headphones' ? [{ id: A, sort: [1.7, A] }] : []);
    });
    const page = await backend.search({ query: 'studio hedphones', filter: {}, sort: SearchSort.RELEVANCE, first: 10, after: null });
    expect(page).toEqual({ hits: [{ productId: A, position: [1.7, A] }], hasNextPage: false, correctedQuery: 'studio headphones' });
    expect(sent.map((request) => (request.body.suggest ? 'suggest' : request.body.query.bool.must[0].simple_query_string.query))).toEqual([
      'studio hedphones',
      'suggest',
      'studio headphones',
    ]);
    expect(sent[1]!.body.suggest.spelling.term).toMatchObject({ field: 'spelling', suggest_mode: 'missing' });
  });

  it('reads the count and the facets from the aggregations', async () => {
    const { mock, sent, backend, record } = setUp();
    mock.add({ method: 'POST', path: `/${ALIAS}/_search` }, (params) => {
      record(params as unknown as Sent);
      return {
        ...searchResponse([]),
        hits: { total: { value: 3, relation: 'eq' }, max_score: null, hits: [] },
        aggregations: {
          categories: { doc_count_error_upper_bound: 0, sum_other_doc_count: 0, buckets: [{ key: CATEGORY.headphones.id, doc_count: 2 }, { key: CATEGORY.speakers.id, doc_count: 1 }] },
          prices: {
            buckets: [
              { key: '0.0-2500.0', from: 0, to: 2500, doc_count: 1 },
              { key: '2500.0-5000.0', from: 2500, to: 5000, doc_count: 0 },
              { key: '5000.0-10000.0', from: 5000, to: 10000, doc_count: 2 },
              { key: '10000.0-25000.0', from: 10000, to: 25000, doc_count: 0 },
              { key: '25000.0-50000.0', from: 25000, to: 50000, doc_count: 0 },
              { key: '50000.0-100000.0', from: 50000, to: 100000, doc_count: 0 },
              { key: '100000.0-*', from: 100000, doc_count: 0 },
            ],
          },
          stock: { doc_count_error_upper_bound: 0, sum_other_doc_count: 0, buckets: [{ key: 1, key_as_string: 'true', doc_count: 2 }, { key: 0, key_as_string: 'false', doc_count: 1 }] },
        },
      };
    });
    const summary = await backend.summarize({ query: 'headphones', filter: { inStock: true } });
    expect(summary).toEqual({
      totalCount: 3,
      categories: [
        { categoryId: CATEGORY.headphones.id, count: 2 },
        { categoryId: CATEGORY.speakers.id, count: 1 },
      ],
      priceBands: [
        { min: 0, max: 2_500, count: 1 },
        { min: 2_500, max: 5_000, count: 0 },
        { min: 5_000, max: 10_000, count: 2 },
        { min: 10_000, max: 25_000, count: 0 },
        { min: 25_000, max: 50_000, count: 0 },
        { min: 50_000, max: 100_000, count: 0 },
        { min: 100_000, max: null, count: 0 },
      ],
      inStock: 2,
      outOfStock: 1,
    });
    expect(sent[0]!.body).toMatchObject({ size: 0, track_total_hits: true });
    expect(sent[0]!.body.aggs.prices.range.ranges.at(-1)).toEqual({ from: 100_000 });
  });

  it('suggests names from the prefix field, names starting with the prefix first', async () => {
    const { mock, sent, backend, record } = setUp();
    mock.add({ method: 'POST', path: `/${ALIAS}/_search` }, (params) => {
      record(params as unknown as Sent);
      return searchResponse([{ id: A, sort: [3.2, 10, 'studio headphones', A], name: 'Studio Headphones' }]);
    });
    expect(await backend.suggest('studio hea', 5)).toEqual([{ productId: A, name: 'Studio Headphones' }]);
    expect(sent[0]!.body.query.bool.must[0]).toEqual({ match: { 'name.prefixes': { query: 'studio hea', operator: 'and' } } });
    expect(sent[0]!.body.query.bool.should[0]).toEqual({ prefix: { 'name.sort': 'studio hea' } });
  });

  it('creates the first index with the analyzers and the alias on a first start, and leaves an existing one alone', async () => {
    const { mock, sent, backend, record } = setUp();
    let exists = false;
    mock.add({ method: 'HEAD', path: `/_alias/${ALIAS}` }, () =>
      exists ? {} : new errors.ResponseError({ body: {}, statusCode: 404, headers: {}, warnings: null, meta: {} as never }),
    );
    mock.add({ method: 'PUT', path: '/:index' }, (params) => {
      record(params as unknown as Sent);
      return { acknowledged: true, shards_acknowledged: true, index: 'x' };
    });
    mock.add({ method: 'POST', path: '/_aliases' }, (params) => {
      record(params as unknown as Sent);
      exists = true;
      return { acknowledged: true };
    });
    await backend.prepare();
    await backend.prepare();
    expect(sent.map((request) => `${request.method} ${request.path.replace(/\d{17}$/, '<time>')}`)).toEqual([`PUT /${ALIAS}-<time>`, 'POST /_aliases']);
    expect(sent[0]!.body.settings.analysis.analyzer.english_text.filter).toContain('english_stemmer');
    expect(sent[0]!.body.mappings.properties.name.fields.prefixes).toEqual({ type: 'text', analyzer: 'name_prefixes', search_analyzer: 'words' });
    expect(sent[1]!.body.actions).toEqual([{ add: { index: sent[0]!.path.slice(1), alias: ALIAS, is_write_index: true } }]);
  });

  it('reindexes into a new index, catches up, and moves the alias in one request', async () => {
    const { mock, sent, client, record } = setUp();
    const old = `${ALIAS}-20261201000000`;
    mock.add({ method: 'HEAD', path: `/_alias/${ALIAS}` }, () => ({}));
    mock.add({ method: 'GET', path: `/_alias/${ALIAS}` }, () => ({ [old]: { aliases: { [ALIAS]: { is_write_index: true } } } }));
    mock.add({ method: 'PUT', path: '/:index' }, (params) => {
      record(params as unknown as Sent);
      return { acknowledged: true, shards_acknowledged: true, index: 'x' };
    });
    let passes = 0;
    mock.add({ method: 'POST', path: '/_reindex' }, (params) => {
      record(params as unknown as Sent);
      passes++;
      // The full copy, then one catch-up pass that found a write, then one that found none, then the last pass.
      return { took: 5, timed_out: false, total: passes === 1 ? 223 : passes === 2 ? 1 : 0, updated: 0, created: 0, deleted: 0, batches: 1, failures: [] };
    });
    mock.add({ method: 'POST', path: '/_aliases' }, (params) => {
      record(params as unknown as Sent);
      return { acknowledged: true };
    });
    const result = await reindex(client, ALIAS);
    expect(result).toEqual({ previous: [old], current: expect.stringMatching(new RegExp(`^${ALIAS}-\\d{17}$`)), copied: 224 });
    expect(sent.map((request) => `${request.method} ${request.path}`)).toEqual([
      `PUT /${result.current}`,
      'POST /_reindex',
      'POST /_reindex',
      'POST /_reindex',
      'POST /_aliases',
      'POST /_reindex',
    ]);
    expect(sent[1]!.body).toEqual({ source: { index: [old] }, dest: { index: result.current }, conflicts: 'proceed' });
    expect(sent[2]!.body.source.query.range.indexed_at.gte).toEqual(expect.any(Number));
    expect(sent[4]!.body.actions).toEqual([{ remove: { index: old, alias: ALIAS } }, { add: { index: result.current, alias: ALIAS, is_write_index: true } }]);
    expect(sent[5]!.body.dest).toEqual({ index: result.current, op_type: 'create' });
  });
});
