import { persistedExchange } from '@urql/exchange-persisted';

/**
 * Sends every generated document by its id in the persisted-documents manifest (codegen embeds it in the
 * document: `__meta__.hash`), as Automatic Persisted Queries do; the gateway serves manifest documents by id and
 * in production runs nothing else. Only if a gateway does not know the id (an older manifest) is the full text
 * sent, by the exchange's own retry. A document without an id (none of ours) is sent as text.
 */
export function persistedDocumentsExchange() {
  return persistedExchange({
    enableForMutation: true,
    // POST: a GET carries no custom header, and Apollo Server's CSRF guard refuses such "simple" requests.
    preferGetForPersistedQueries: false,
    enableForSubscriptions: false,
    enforcePersistedQueries: false,
    generateHash: async (_query, document) => {
      const hash = (document as { __meta__?: { hash?: unknown } }).__meta__?.hash;
      return typeof hash === 'string' ? hash.replace(/^sha256:/, '') : null;
    },
  });
}
