/**
 * A few composable runtime checks for event payloads. Each one is a type guard that also appends what is
 * wrong, with a path, so a refused event says exactly which field broke the contract. They accept JSON values
 * only (no `undefined`, functions, NaN, dates as objects), so a payload that passes is JSON-safe by
 * construction.
 *
 * Unknown object keys are tolerated (ignored): a producer may add an optional field to a `v1` payload without
 * breaking consumers that do not know it yet. A breaking change is a new event type (`…v2`).
 */
export interface Validator<T> {
  (value: unknown, path: string, problems: string[]): value is T;
}

/** The type a validator admits. */
export type Validated<V> = V extends Validator<infer T> ? T : never;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// RFC 3339 date-time with an explicit offset, as `Date.prototype.toISOString()` writes it (and a little more).
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

function refuse(problems: string[], path: string, expected: string, value: unknown): false {
  problems.push(`${path || '(root)'}: expected ${expected}, got ${show(value)}`);
  return false;
}

function show(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return value.length > 40 ? `a string of ${value.length} characters` : JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return typeof value;
}

export const uuid: Validator<string> = (value, path, problems): value is string =>
  (typeof value === 'string' && UUID.test(value)) || refuse(problems, path, 'a UUID', value);

export const isoDateTime: Validator<string> = (value, path, problems): value is string =>
  (typeof value === 'string' && ISO_DATE_TIME.test(value) && !Number.isNaN(Date.parse(value))) ||
  refuse(problems, path, 'an ISO 8601 date-time with an offset', value);

export const boolean: Validator<boolean> = (value, path, problems): value is boolean =>
  typeof value === 'boolean' || refuse(problems, path, 'a boolean', value);

/** A trimmed, non-empty string of at most `maxLength` characters. */
export function text(maxLength = 500): Validator<string> {
  return (value, path, problems): value is string =>
    (typeof value === 'string' && value.trim().length > 0 && value.trim() === value && value.length <= maxLength) ||
    refuse(problems, path, `a trimmed non-empty string of at most ${maxLength} characters`, value);
}

/** A machine-readable code (`OUT_OF_STOCK`, `card_declined`, `payment-failed`). */
export const code: Validator<string> = (value, path, problems): value is string =>
  (typeof value === 'string' && /^[A-Za-z][A-Za-z0-9_.:-]{0,99}$/.test(value)) || refuse(problems, path, 'a code', value);

/** A safe integer (JSON has no other kind we allow), at least `min`. */
export function integer(options: { min?: number } = {}): Validator<number> {
  const min = options.min ?? Number.MIN_SAFE_INTEGER;
  return (value, path, problems): value is number =>
    (typeof value === 'number' && Number.isSafeInteger(value) && value >= min) ||
    refuse(problems, path, `an integer ≥ ${min}`, value);
}

export function oneOf<const T extends string>(values: readonly T[]): Validator<T> {
  return (value, path, problems): value is T =>
    (typeof value === 'string' && (values as readonly string[]).includes(value)) ||
    refuse(problems, path, `one of ${values.join(', ')}`, value);
}

export function arrayOf<T>(item: Validator<T>, options: { minLength?: number } = {}): Validator<T[]> {
  const minLength = options.minLength ?? 0;
  return (value, path, problems): value is T[] => {
    if (!Array.isArray(value)) return refuse(problems, path, 'an array', value);
    if (value.length < minLength) return refuse(problems, path, `at least ${minLength} item(s)`, `${value.length} item(s)`);
    let valid = true;
    value.forEach((element, index) => {
      if (!item(element, `${path}[${index}]`, problems)) valid = false;
    });
    return valid;
  };
}

/**
 * A field a producer may leave out (`undefined` or absent): how a `v1` payload gains a field without breaking
 * the events already on the streams. Present, it must pass `check`; consumers must cope with its absence.
 */
export function optional<T>(check: Validator<T>): Validator<T | undefined> {
  return (value, path, problems): value is T | undefined => value === undefined || check(value, path, problems);
}

export type Shape = Record<string, Validator<unknown>>;
export type ShapeOf<S extends Shape> = { [K in keyof S]: Validated<S[K]> };

export function object<S extends Shape>(shape: S): Validator<ShapeOf<S>> {
  return (value, path, problems): value is ShapeOf<S> => {
    if (!isPlainObject(value)) return refuse(problems, path, 'an object', value);
    let valid = true;
    for (const [key, check] of Object.entries(shape)) {
      if (!check(value[key], path ? `${path}.${key}` : key, problems)) valid = false;
    }
    return valid;
  };
}

/** True for `{…}` (not arrays, not class instances such as Date, which JSON would flatten silently). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}
