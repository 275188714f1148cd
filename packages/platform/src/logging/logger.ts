import { pino, type Logger, type LevelWithSilent } from 'pino';

export type { Logger };

export interface LoggerOptions {
  /** The service name printed on every line (`users`, `gateway`, ...). */
  readonly name: string;
  readonly level?: LevelWithSilent;
}

/**
 * JSON logs on stdout, one line per event, ready for any collector. Secrets that may appear in request
 * logs are redacted at the source rather than trusted to every call site.
 */
export function createLogger({ name, level = 'info' }: LoggerOptions): Logger {
  return pino({
    name,
    level,
    base: { service: name },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', '*.password', '*.refreshToken', '*.accessToken'],
      censor: '[redacted]',
    },
  });
}
