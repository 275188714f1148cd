import { stdSerializers } from 'pino';
import { withoutInputValues } from '../errors/input-value-messages';

/**
 * Keys whose values are credentials or client input, at any depth of a logged object: passwords, tokens (access,
 * refresh, API keys), Authorization and cookies, secrets, and GraphQL `variables` as a whole (they carry what a
 * client typed, passwords included).
 */
const SECRET_KEY = /password|passwd|secret|token|authorization|cookie|api[-_]?key|credential|^variables$/i;
export const REDACTED = '[redacted]';
const MAX_DEPTH = 8;

/**
 * A copy of a log line's object with every secret replaced, at any depth (pino's own `redact` needs each path
 * spelled out), and error messages rewritten so they no longer quote input values (issue #9, item 12).
 */
export function redactSecrets(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return withoutInputValues(value);
  if (typeof value !== 'object' || value === null) return value;
  if (depth >= MAX_DEPTH) return '[too deep]';
  if (isErrorLike(value)) {
    // Serialised here (pino would do it after this formatter): the message, and the stack that repeats it.
    const serialized = stdSerializers.err(value);
    const message = withoutInputValues(serialized.message);
    const stack = serialized.stack.split(serialized.message).join(message);
    return redactEntries({ ...serialized, message, stack }, depth);
  }
  if (Array.isArray(value)) return value.map((item) => redactSecrets(item, depth + 1));
  if (!isPlainObject(value)) return value; // Buffers, Dates, class instances: left to pino's serialisation
  return redactEntries(value, depth);
}

function redactEntries(value: object, depth: number): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    copy[key] = SECRET_KEY.test(key) && item !== undefined && item !== null ? REDACTED : redactSecrets(item, depth + 1);
  }
  return copy;
}

/** Errors from another realm (jest's sandbox, a worker) fail `instanceof Error`. */
function isErrorLike(value: object): value is Error {
  return value instanceof Error || (typeof (value as Error).message === 'string' && typeof (value as Error).stack === 'string');
}

function isPlainObject(value: object): boolean {
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}
