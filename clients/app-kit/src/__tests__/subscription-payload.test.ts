import { createRequest, makeOperation, type SubscriptionOperation } from '@urql/core';
import { parse } from 'graphql';
import { subscriptionPayloadOf } from '../subscription-payload';

const TEXT = 'subscription StockChanged($productIds: [ID!]!) { stockChanged(productIds: $productIds) { productId available } }';

function operationOf(document: ReturnType<typeof parse>, text: string) {
  const request = createRequest(document, { productIds: ['p1'] });
  const operation = makeOperation('subscription', request, { url: '/graphql', requestPolicy: 'network-only' });
  const payload: SubscriptionOperation = { query: text, variables: { productIds: ['p1'] }, operationName: 'StockChanged', extensions: undefined };
  return { operation, payload };
}

describe('subscriptionPayloadOf', () => {
  it('sends a generated document by its manifest id, without its text (production runs manifest documents only)', () => {
    const document = Object.assign(parse(TEXT), { __meta__: { hash: 'sha256:abc123' } });
    const { operation, payload } = operationOf(document, TEXT);
    expect(subscriptionPayloadOf(payload, operation)).toEqual({ query: '', documentId: 'sha256:abc123', variables: { productIds: ['p1'] }, operationName: 'StockChanged' });
  });

  it('sends a document without an id as its text', () => {
    // Another text: urql keeps one document per text, and the first test's carries an id.
    const text = TEXT.replace('available', 'available onHand');
    const { operation, payload } = operationOf(parse(text), text);
    expect(subscriptionPayloadOf(payload, operation)).toMatchObject({ query: text, variables: { productIds: ['p1'] } });
  });
});
