import { pino, type DestinationStream, type Logger, type LevelWithSilent, type LoggerOptions as PinoOptions } from 'pino';
import { redactSecrets } from './redact';

export type { Logger };

export interface LoggerOptions {
  /** The service name printed on every line (`users`, `gateway`, ...). */
  readonly name: string;
  readonly level?: LevelWithSilent;
  /** Where the lines go; stdout by default (tests capture them). */
  readonly destination?: DestinationStream;
}

/**
 * JSON logs on stdout, one line per event, ready for any collector. Secrets that may appear in request
 * logs — credentials and client input at any depth, input values quoted in error messages — are redacted at
 * the source rather than trusted to every call site (see redact.ts).
 */
export function createLogger({ name, level = 'info', destination }: LoggerOptions): Logger {
  const options: PinoOptions = {
    name,
    level,
    base: { service: name },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { log: (object) => redactSecrets(object) as Record<string, unknown> },
  };
  return destination ? pino(options, destination) : pino(options);
}
