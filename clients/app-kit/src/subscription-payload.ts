import type { Operation, SubscriptionOperation } from '@urql/core';

/**
 * What a graphql-ws `subscribe` sends for an urql subscription: the document's id in the persisted-documents
 * manifest (`__meta__.hash`, embedded by codegen) and no text, as queries and mutations go over HTTP. In
 * production the gateway runs only manifest documents, by id or by their exact text, and urql's printed text is
 * not codegen's: a subscription sent as text would be refused there. A document without an id (none of ours)
 * goes as text. `query: ''`: graphql-ws requires the field; the gateway reads `documentId`.
 */
export function subscriptionPayloadOf(request: SubscriptionOperation, operation: Operation): Record<string, unknown> {
  const hash = (operation.query as { __meta__?: { hash?: unknown } }).__meta__?.hash;
  if (typeof hash !== 'string') return { ...request, query: request.query ?? '' };
  return { query: '', documentId: hash, variables: request.variables, ...(request.operationName ? { operationName: request.operationName } : {}) };
}
