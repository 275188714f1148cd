/** A value of a Stripe request parameter once its bracketed keys are folded: `a[b][0]=x` → `{ a: { b: ['x'] } }`. */
export type FormValue = string | FormValue[] | { [key: string]: FormValue };
export type FormParams = { [key: string]: FormValue };

/**
 * Parses an `application/x-www-form-urlencoded` body (or query string) the way Stripe's API reads it: bracketed
 * keys nest (`metadata[orderId]=7` → `{ metadata: { orderId: '7' } }`), numeric or empty brackets make arrays
 * (`payment_method_types[0]=card`, `expand[]=x`), `+` is a space. A key given twice keeps its last value.
 * Throws {@link FormEncodingError} for a key whose brackets do not close or that is both a value and an object.
 */
export function parseStripeForm(body: string): FormParams {
  const root: Draft = {};
  for (const pair of body.split('&')) {
    if (pair === '') continue;
    const separator = pair.indexOf('=');
    const rawKey = separator === -1 ? pair : pair.slice(0, separator);
    const rawValue = separator === -1 ? '' : pair.slice(separator + 1);
    const path = keyPath(decode(rawKey));
    assign(root, path, decode(rawValue));
  }
  return arraysFromIndices(root) as FormParams;
}

export class FormEncodingError extends Error {
  override readonly name = 'FormEncodingError';
  constructor(readonly param: string, message: string) {
    super(message);
  }
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    throw new FormEncodingError(text, `Invalid percent-encoding in ${JSON.stringify(text)}.`);
  }
}

/** `a[b][]` → ['a', 'b', ''] */
function keyPath(key: string): string[] {
  const open = key.indexOf('[');
  if (open === -1) return [key];
  const path = [key.slice(0, open)];
  const rest = key.slice(open);
  const segment = /\[([^[\]]*)\]/y;
  let index = 0;
  while (index < rest.length) {
    segment.lastIndex = index;
    const match = segment.exec(rest);
    if (!match) throw new FormEncodingError(key, `Invalid parameter name: ${key}.`);
    path.push(match[1] ?? '');
    index = segment.lastIndex;
  }
  if (path[0] === '') throw new FormEncodingError(key, `Invalid parameter name: ${key}.`);
  return path;
}

type Draft = { [key: string]: Draft | string };

function assign(root: Draft, path: string[], value: string): void {
  let node = root;
  for (let depth = 0; depth < path.length; depth += 1) {
    let segment = path[depth] as string;
    // `expand[]=a&expand[]=b`: each empty index appends.
    if (segment === '') segment = String(Object.keys(node).length);
    if (depth === path.length - 1) {
      if (typeof node[segment] === 'object') throw new FormEncodingError(path.join('.'), `${path.join('.')} is both a value and an object.`);
      node[segment] = value;
      return;
    }
    const next = node[segment];
    if (typeof next === 'string') throw new FormEncodingError(path.join('.'), `${path.join('.')} is both a value and an object.`);
    node = next ?? (node[segment] = {});
  }
}

function arraysFromIndices(value: Draft | string): FormValue {
  if (typeof value === 'string') return value;
  const keys = Object.keys(value);
  if (keys.length > 0 && keys.every((key) => /^\d+$/.test(key))) {
    return keys.sort((a, b) => Number(a) - Number(b)).map((key) => arraysFromIndices(value[key] as Draft | string));
  }
  const object: { [key: string]: FormValue } = {};
  for (const key of keys) object[key] = arraysFromIndices(value[key] as Draft | string);
  return object;
}
