import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildSchema, parse } from 'graphql';
import { operationLimits } from '../operation-limits';
import { loadOperationLimits } from '../operation-limits-config';

const schema = buildSchema(readFileSync(resolve(__dirname, '../../../../../schema/api.graphql'), 'utf8'));
const LISTING = parse('{ products { edges { node { id } } } }');
const BOMB = parse(`{ products(first: 100) { edges { node { reviews(first: 100) { edges { node {
  author { reviews(first: 100) { edges { node { id } } } } } } } } } } }`);
const costed = (document: typeof LISTING) => ({ schema, document, variables: {}, operationName: undefined });

describe('the cost the rate limits’ budgets pay (budgetCost)', () => {
  it('is the operation’s cost', () => {
    expect(operationLimits(loadOperationLimits({}, false), 0).budgetCost(costed(LISTING))).toBe(41);
  });

  it('is nothing beyond the minimum for an operation the cost cap refuses (it never runs)', () => {
    expect(operationLimits(loadOperationLimits({}, false), 0).budgetCost(costed(BOMB))).toBe(0);
  });

  it('is the full cost when the operation limits are off (nothing else refuses it)', () => {
    expect(operationLimits(loadOperationLimits({ GATEWAY_OPERATION_LIMITS: 'off' }, false), 0).budgetCost(costed(BOMB))).toBeGreaterThan(1_000_000);
  });
});
