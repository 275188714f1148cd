import type { Logger } from '@techally/platform';

/** The part of a pino logger the events package writes to; a service passes its own logger. */
export type EventsLogger = Pick<Logger, 'debug' | 'info' | 'warn' | 'error'>;

const discard = (() => undefined) as unknown as Logger['info'];

/** For callers that pass no logger (unit tests, scripts). */
export const silentLogger: EventsLogger = { debug: discard, info: discard, warn: discard, error: discard };
