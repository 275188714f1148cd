import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildSchema, parse } from 'graphql';
import { operationCost } from '../operation-cost';
import { memoizedOperationCost } from '../operation-cost-memo';

const SDL = readFileSync(resolve(__dirname, '../../../../../schema/api.graphql'), 'utf8');
const schema = buildSchema(SDL);
const LISTING = parse('{ products(first: 20) { edges { node { id category { name } } } } }');
const PAGED = parse('query Paged($n: Int) { products(first: $n) { edges { node { id category { name } } } } }');

describe('the operation cost, once a request (memoizedOperationCost)', () => {
  let computed: jest.Mock;
  let memoizedCost: () => ReturnType<typeof memoizedOperationCost>;
  beforeEach(() => {
    computed = jest.fn(operationCost);
    memoizedCost = () => memoizedOperationCost({}, computed as typeof operationCost);
  });

  it('prices a request once for the cost limit and the budget, as operationCost does', () => {
    const costOf = memoizedCost();
    const variables = { n: 30 };
    const first = costOf({ schema, document: PAGED, variables, operationName: 'Paged' });
    const second = costOf({ schema, document: PAGED, variables, operationName: 'Paged' });
    expect([first, second]).toEqual([91, 91]);
    expect(first).toBe(operationCost(schema, PAGED, variables, 'Paged'));
    expect(computed).toHaveBeenCalledTimes(1);
  });

  it('prices a document without variables once, whatever request sends it', () => {
    const costOf = memoizedCost();
    for (let request = 0; request < 3; request++) expect(costOf({ schema, document: LISTING, variables: {}, operationName: undefined })).toBe(61);
    expect(computed).toHaveBeenCalledTimes(1);
  });

  it('prices each request’s own variables', () => {
    const costOf = memoizedCost();
    expect(costOf({ schema, document: PAGED, variables: { n: 10 }, operationName: 'Paged' })).toBe(31);
    expect(costOf({ schema, document: PAGED, variables: { n: 50 }, operationName: 'Paged' })).toBe(151);
    expect(costOf({ schema, document: PAGED, variables: {}, operationName: 'Paged' })).toBe(operationCost(schema, PAGED, {}, 'Paged'));
  });

  it('prices again under another schema (a reloaded supergraph) or another operation name', () => {
    const costOf = memoizedCost();
    const twoOperations = parse('query A { products(first: 5) { edges { node { id category { name } } } } } query B { categories { id } }');
    const a = costOf({ schema, document: twoOperations, variables: {}, operationName: 'A' });
    const b = costOf({ schema, document: twoOperations, variables: {}, operationName: 'B' });
    expect(a).not.toBe(b);
    costOf({ schema: buildSchema(SDL), document: twoOperations, variables: {}, operationName: 'A' });
    expect(computed).toHaveBeenCalledTimes(3);
  });
});
