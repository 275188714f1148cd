import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { execute, GraphQLError, parse } from 'graphql';
import { CoalescingDataSource } from '../coalescing-data-source';
import { FetchCoalescer } from '../fetch-coalescer';

// A subgraph executed in-process by graphql-js, so merged operations are checked by a real GraphQL engine:
// renamed variables, fragments and aliases must still validate and resolve exactly as each fetch alone.
const schema = buildSubgraphSchema([
  {
    typeDefs: parse(`
      extend schema @link(url: "https://specs.apollo.dev/federation/v2.0", import: ["@key"])
      type Query { product(id: ID!): Product  boom: String!  nothing: String }
      type Mutation { bump(id: ID!): Int }
      type Product @key(fields: "id") { id: ID!  name: String  price: Int  secret: String }`),
    resolvers: {
      Query: {
        product: (_: unknown, { id }: { id: string }) => ({ id }),
        boom: () => {
          throw new GraphQLError('boom failed');
        },
      },
      Mutation: { bump: (_: unknown, { id }: { id: string }) => Number(id) },
      Product: {
        __resolveReference: ({ id }: { id: string }) => ({ id }),
        name: ({ id }: { id: string }) => `product ${id}`,
        price: ({ id }: { id: string }) => Number(id) * 100,
        secret: ({ id }: { id: string }) => {
          throw new GraphQLError(`secret ${id} is not yours`);
        },
      },
    } as never,
  },
]);

const HEADERS = new Map([['cache-control', 'public, max-age=30']]) as unknown as Headers;

type Options = GraphQLDataSourceProcessOptions;
type Answer = Awaited<ReturnType<GraphQLDataSource['process']>>;

/** The subgraph behind the data source: records every request it receives, in order. */
class RecordingSubgraph implements GraphQLDataSource {
  readonly received: Array<{ query: string; variables: Record<string, unknown> | undefined }> = [];
  failWith: Error | undefined;
  /** When set, answers wait for it (a subgraph that is slow to answer). */
  gate: Promise<void> | undefined;

  async process(options: Options): Promise<Answer> {
    const { query, variables } = options.request;
    this.received.push({ query: query as string, variables });
    if (this.gate) await this.gate;
    if (this.failWith) throw this.failWith;
    const result = await execute({ schema, document: parse(query as string), variableValues: variables });
    return { ...JSON.parse(JSON.stringify(result)), http: { headers: HEADERS, status: 200 } } as Answer;
  }
}

function fetchOptions(request: object, query: string, variables?: Record<string, unknown>): Options {
  return {
    kind: 'incoming operation',
    request: { query, variables },
    incomingRequestContext: request,
    context: {},
  } as unknown as Options;
}

const ENTITIES = `query Q($representations: [_Any!]!) { _entities(representations: $representations) { ... on Product { name } } }`;
const ENTITIES_WITH_SECRET = `query Q($representations: [_Any!]!) { _entities(representations: $representations) { ... on Product { price secret } } }`;
const reps = (...ids: string[]) => ({ representations: ids.map((id) => ({ __typename: 'Product', id })) });

/** What the fetch gets when sent alone (the reference every merged answer must equal). */
async function alone(query: string, variables?: Record<string, unknown>): Promise<Answer> {
  const { http: _http, ...answer } = await new RecordingSubgraph().process(fetchOptions({}, query, variables));
  return answer as Answer;
}

describe('CoalescingDataSource', () => {
  it('sends two fetches of one request to one subgraph in the same turn as ONE request, each answered as if alone', async () => {
    const subgraph = new RecordingSubgraph();
    const source = new CoalescingDataSource(subgraph);
    const request = {};
    const [first, second] = await Promise.all([
      source.process(fetchOptions(request, ENTITIES, reps('1', '2'))),
      source.process(fetchOptions(request, ENTITIES, reps('3'))),
    ]);
    expect(subgraph.received).toHaveLength(1);
    expect(first).toMatchObject({ data: (await alone(ENTITIES, reps('1', '2'))).data });
    expect(second).toMatchObject({ data: (await alone(ENTITIES, reps('3'))).data });
    expect(first.data).toEqual({ _entities: [{ name: 'product 1' }, { name: 'product 2' }] });
  });

  it('never merges fetches of different incoming requests (their credentials differ)', async () => {
    const subgraph = new RecordingSubgraph();
    const source = new CoalescingDataSource(subgraph);
    await Promise.all([source.process(fetchOptions({}, ENTITIES, reps('1'))), source.process(fetchOptions({}, ENTITIES, reps('2')))]);
    expect(subgraph.received).toHaveLength(2);
  });

  it('gives each fetch the errors of its own fields, with the paths it would have had alone', async () => {
    const subgraph = new RecordingSubgraph();
    const source = new CoalescingDataSource(subgraph);
    const request = {};
    const [clean, failing] = await Promise.all([
      source.process(fetchOptions(request, ENTITIES, reps('1'))),
      source.process(fetchOptions(request, ENTITIES_WITH_SECRET, reps('7', '8'))),
    ]);
    expect(subgraph.received).toHaveLength(1);
    expect(clean.errors).toBeUndefined();
    const expected = await alone(ENTITIES_WITH_SECRET, reps('7', '8'));
    expect(failing.data).toEqual(expected.data);
    expect(failing.errors?.map((error) => [error.message, error.path])).toEqual([
      ['secret 7 is not yours', ['_entities', 0, 'secret']],
      ['secret 8 is not yours', ['_entities', 1, 'secret']],
    ]);
    expect(expected.errors?.map((error) => error.path)).toEqual([
      ['_entities', 0, 'secret'],
      ['_entities', 1, 'secret'],
    ]);
  });

  it('keeps variables of the same name apart', async () => {
    const subgraph = new RecordingSubgraph();
    const source = new CoalescingDataSource(subgraph);
    const request = {};
    const query = 'query P($id: ID!) { product(id: $id) { id name } }';
    const [a, b] = await Promise.all([source.process(fetchOptions(request, query, { id: '1' })), source.process(fetchOptions(request, query, { id: '2' }))]);
    expect(subgraph.received).toHaveLength(1);
    expect(Object.keys(subgraph.received[0]?.variables ?? {}).sort()).toEqual(['c0_id', 'c1_id']);
    expect(a.data).toEqual({ product: { id: '1', name: 'product 1' } });
    expect(b.data).toEqual({ product: { id: '2', name: 'product 2' } });
  });

  it('keeps fragments of the same name apart', async () => {
    const subgraph = new RecordingSubgraph();
    const source = new CoalescingDataSource(subgraph);
    const request = {};
    const withName = `query Q($representations: [_Any!]!) { _entities(representations: $representations) { ...F } } fragment F on Product { name }`;
    const withPrice = `query Q($representations: [_Any!]!) { _entities(representations: $representations) { ...F } } fragment F on Product { price }`;
    const [a, b] = await Promise.all([source.process(fetchOptions(request, withName, reps('1'))), source.process(fetchOptions(request, withPrice, reps('2')))]);
    expect(subgraph.received).toHaveLength(1);
    expect(a.data).toEqual({ _entities: [{ name: 'product 1' }] });
    expect(b.data).toEqual({ _entities: [{ price: 200 }] });
  });

  it('keeps the root field names each fetch asked for, aliases included', async () => {
    const subgraph = new RecordingSubgraph();
    const source = new CoalescingDataSource(subgraph);
    const request = {};
    const [a, b] = await Promise.all([
      source.process(fetchOptions(request, '{ first: product(id: "1") { name } nothing }')),
      source.process(fetchOptions(request, '{ first: product(id: "2") { price } }')),
    ]);
    expect(subgraph.received).toHaveLength(1);
    expect(a.data).toEqual({ first: { name: 'product 1' }, nothing: null });
    expect(b.data).toEqual({ first: { price: 200 } });
  });

  it('rejects every merged fetch with the error of a request that got no answer', async () => {
    const subgraph = new RecordingSubgraph();
    subgraph.failWith = new GraphQLError('The products service is unavailable right now; try again shortly.');
    const source = new CoalescingDataSource(subgraph);
    const request = {};
    const results = await Promise.allSettled([source.process(fetchOptions(request, ENTITIES, reps('1'))), source.process(fetchOptions(request, ENTITIES, reps('2')))]);
    expect(subgraph.received).toHaveLength(1);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
    expect((results[0] as PromiseRejectedResult).reason).toBe(subgraph.failWith);
  });

  it('sends each fetch again alone when the merged operation failed as a whole, so one failure never becomes another fetch’s', async () => {
    const subgraph = new RecordingSubgraph();
    const source = new CoalescingDataSource(subgraph);
    const request = {};
    // `boom: String!` failing nulls the whole merged answer; alone, only its own fetch fails.
    const [failing, fine] = await Promise.all([source.process(fetchOptions(request, '{ boom }')), source.process(fetchOptions(request, ENTITIES, reps('1')))]);
    expect(subgraph.received).toHaveLength(3);
    expect(failing.data).toBeNull();
    expect(failing.errors?.map((error) => [error.message, error.path])).toEqual([['boom failed', ['boom']]]);
    expect(fine).toMatchObject({ data: { _entities: [{ name: 'product 1' }] } });
    expect(fine.errors).toBeUndefined();
  });

  it('never merges a mutation, and sends it after the fetches the executor issued before it', async () => {
    const subgraph = new RecordingSubgraph();
    const source = new CoalescingDataSource(subgraph);
    const request = {};
    const results = await Promise.all([
      source.process(fetchOptions(request, ENTITIES, reps('1'))),
      source.process(fetchOptions(request, 'mutation { bump(id: "1") }')),
      source.process(fetchOptions(request, 'mutation { bump(id: "2") }')),
    ]);
    expect(subgraph.received.map((received) => received.query)).toEqual([ENTITIES, 'mutation { bump(id: "1") }', 'mutation { bump(id: "2") }']);
    expect(results.map((result) => result.data)).toEqual([{ _entities: [{ name: 'product 1' }] }, { bump: 1 }, { bump: 2 }]);
  });

  it('hands every merged fetch the response metadata (status, headers such as Cache-Control) it would have seen alone', async () => {
    const subgraph = new RecordingSubgraph();
    const source = new CoalescingDataSource(subgraph);
    const request = {};
    const [a, b] = await Promise.all([source.process(fetchOptions(request, ENTITIES, reps('1'))), source.process(fetchOptions(request, ENTITIES, reps('2')))]);
    expect(subgraph.received).toHaveLength(1);
    for (const answer of [a, b]) expect(answer.http?.headers.get('cache-control')).toBe('public, max-age=30');
  });

  it('passes schema loading and health checks straight through', async () => {
    const subgraph = new RecordingSubgraph();
    const source = new CoalescingDataSource(subgraph);
    const answer = await source.process({ kind: 'health check', request: { query: '{ nothing }' }, context: {} } as unknown as Options);
    expect(answer.data).toEqual({ nothing: null });
    expect(subgraph.received).toHaveLength(1);
  });

  describe('with a wait for the request’s fetches in flight (the gateway’s default)', () => {
    it('holds a fetch while another of the request is in flight, and merges it with the fetch that answer leads to', async () => {
      const coalescer = new FetchCoalescer({ maxWaitMs: 60_000 });
      const products = new RecordingSubgraph();
      const reviews = new RecordingSubgraph();
      let answerReviews: () => void = () => undefined;
      reviews.gate = new Promise<void>((release) => (answerReviews = release));
      const productSource = new CoalescingDataSource(products, coalescer);
      const reviewSource = new CoalescingDataSource(reviews, coalescer);
      const request = {};

      // Branch B is still waiting for reviews when branch A asks products for something.
      const branchB = reviewSource.process(fetchOptions(request, ENTITIES, reps('9'))).then(() => productSource.process(fetchOptions(request, ENTITIES, reps('2'))));
      await new Promise((turn) => setImmediate(turn));
      const branchA = productSource.process(fetchOptions(request, ENTITIES, reps('1')));
      await new Promise((turn) => setImmediate(turn));
      expect(products.received).toHaveLength(0);

      answerReviews();
      const [a, b] = await Promise.all([branchA, branchB]);
      expect(products.received).toHaveLength(1);
      expect(a.data).toEqual({ _entities: [{ name: 'product 1' }] });
      expect(b.data).toEqual({ _entities: [{ name: 'product 2' }] });
    });

    it('sends a waiting fetch once the wait is over, even if the other fetch is still in flight', async () => {
      const coalescer = new FetchCoalescer({ maxWaitMs: 5 });
      const products = new RecordingSubgraph();
      const reviews = new RecordingSubgraph();
      let answerReviews: () => void = () => undefined;
      reviews.gate = new Promise<void>((release) => (answerReviews = release));
      const request = {};
      const slow = new CoalescingDataSource(reviews, coalescer).process(fetchOptions(request, ENTITIES, reps('9')));
      await new Promise((turn) => setImmediate(turn));
      const answer = await new CoalescingDataSource(products, coalescer).process(fetchOptions(request, ENTITIES, reps('1')));
      expect(answer.data).toEqual({ _entities: [{ name: 'product 1' }] });
      answerReviews();
      await slow;
    });
  });
});
