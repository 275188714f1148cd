import { HeaderMap } from '@apollo/server';
import { DomainError, ErrorCode } from '@techally/platform';
import { GraphQLError } from 'graphql';

/** Why a request's document was refused (a metric label too). */
export type Refusal = 'not-found' | 'not-in-list' | 'hash-mismatch';

/** Who may send what (the audiences of persisted-document-rules). */
export type Audience = 'partner' | 'first-party';


/**
 * The errors of the persisted-document rules. NOT_FOUND is Apollo Server's own PersistedQueryNotFoundError,
 * byte for byte (message `PersistedQueryNotFound`, status 200, uncached): Apollo Client's persisted-query link
 * and every APQ client retry with the full text on exactly that.
 */
export const PersistedDocumentError = {
  of(refusal: Refusal, audience: Audience): GraphQLError {
    switch (refusal) {
      case 'not-found':
        return PersistedDocumentError.notFound();
      case 'not-in-list':
        return PersistedDocumentError.notInList(audience);
      case 'hash-mismatch':
        return PersistedDocumentError.hashMismatch();
    }
  },

  notFound(): GraphQLError {
    return new GraphQLError('PersistedQueryNotFound', {
      extensions: {
        code: 'PERSISTED_QUERY_NOT_FOUND',
        http: { status: 200, headers: new HeaderMap([['cache-control', 'private, no-cache, must-revalidate']]) },
      },
    });
  },

  notInList(audience: Audience): GraphQLError {
    const message =
      audience === 'partner'
        ? 'Requests with an API key may send only persisted document ids (documentId, or extensions.persistedQuery.sha256Hash), never a full GraphQL document.'
        : 'This document is not in the persisted-documents list; send the id of a document from the manifest.';
    return new DomainError(ErrorCode.PERSISTED_QUERY_NOT_IN_LIST, message, { http: { status: 400 } });
  },

  /** Apollo Server's message for the same case (its error carries no code, which our boundary would mask). */
  hashMismatch(): GraphQLError {
    return new DomainError(ErrorCode.PERSISTED_QUERY_HASH_MISMATCH, 'provided sha does not match query', { http: { status: 400 } });
  },
};
