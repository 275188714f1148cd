import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { GraphQLRequestError } from '@techally/web-client';
import type { PartnerClient } from './partner-client';
import { rateLimitRefusalOf } from './rate-limit-refusal';

/** Waits `ms` milliseconds (injected so a caller can log or shorten the wait). */
export type Sleep = (ms: number) => Promise<void>;

export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export interface PoliteRequestOptions {
  readonly client: PartnerClient;
  readonly sleep: Sleep;
  /** The longest `Retry-After` worth waiting for; a longer one is an error, not a hang. */
  readonly maxWaitSeconds: number;
  /** Said before each wait. */
  readonly onWait?: (seconds: number) => void;
}

/** Refusals in a row after which the request gives up: a budget that never recovers is not a pause. */
const MAX_REFUSALS = 3;

/**
 * How a partner should read: on 429 wait what `Retry-After` says (if it is no longer than `maxWaitSeconds`) and
 * send again, at most {@link MAX_REFUSALS} times; any other error is thrown as {@link GraphQLRequestError}.
 */
export async function politeRequest<Data, Variables extends Record<string, unknown>>(
  options: PoliteRequestOptions,
  document: TypedDocumentNode<Data, Variables>,
  variables?: Variables,
): Promise<Data> {
  for (let refusals = 0; ; refusals++) {
    const answer = await options.client.send(document, variables);
    const refusal = rateLimitRefusalOf(answer);
    if (refusal && refusals < MAX_REFUSALS && refusal.retryAfterSeconds <= options.maxWaitSeconds) {
      options.onWait?.(refusal.retryAfterSeconds);
      await options.sleep(refusal.retryAfterSeconds * 1_000);
      continue;
    }
    if (answer.errors.length > 0 || answer.status !== 200 || answer.data === null) {
      throw new GraphQLRequestError(answer.errors, answer.status, answer.data);
    }
    return answer.data;
  }
}
