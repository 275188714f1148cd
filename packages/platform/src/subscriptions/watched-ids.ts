import { DomainError } from '../errors/domain-error';
import { isUuid } from '../text/uuid';

export interface WatchedIdsRule {
  /** The argument's name, as errors name it (`productIds`, then `productIds[3]`). */
  readonly argument: string;
  /** What one id names, for the messages (`product`). */
  readonly noun: string;
  /** At most this many ids (a page of a listing, not the catalogue). */
  readonly max: number;
}

/**
 * The ids a subscription follows (`stockChanged(productIds)`, `productChanged(productIds)`): 1 to `max` UUIDs,
 * BAD_USER_INPUT naming the argument (or the entry) otherwise. Answers them distinct and lower-cased, as
 * events and routing keys name them.
 */
export function watchedIds(ids: ReadonlyArray<string>, { argument, noun, max }: WatchedIdsRule): string[] {
  if (ids.length < 1 || ids.length > max) {
    throw DomainError.badUserInput(`${argument} must name 1 to ${max} ${noun}s; got ${ids.length}.`, argument);
  }
  const malformed = ids.findIndex((id) => !isUuid(id));
  if (malformed >= 0) throw DomainError.badUserInput(`${argument}[${malformed}] is not a ${noun} id.`, `${argument}[${malformed}]`);
  return [...new Set(ids.map((id) => id.toLowerCase()))];
}
