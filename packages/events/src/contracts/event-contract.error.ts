/**
 * An event that breaks its contract: an unknown type, a malformed envelope or a payload its validator refuses.
 * A producer gets it from `createEvent` (nothing is written); a consumer's bus dead-letters the entry with
 * this message instead of calling the handler, since no retry can make it valid.
 */
export class EventContractError extends Error {
  override readonly name = 'EventContractError';

  constructor(
    /** The event type, or what was found instead of one. */
    readonly type: string,
    /** Each problem with the path of the offending field (`payload.items[0].quantity: expected …`). */
    readonly problems: readonly string[],
  ) {
    super(`Event ${type} breaks its contract: ${problems.join('; ')}`);
  }
}
