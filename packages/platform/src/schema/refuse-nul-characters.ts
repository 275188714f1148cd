import {
  defaultFieldResolver,
  getNamedType,
  isEnumType,
  isObjectType,
  type GraphQLArgument,
  type GraphQLFieldResolver,
  type GraphQLSchema,
} from 'graphql';
import { DomainError } from '../errors/domain-error';

const NUL = '\u0000';

/** Argument types whose values can never hold text: fields taking only these (`first: Int`) need no guard. */
const TEXTLESS_SCALARS = new Set(['Int', 'Float', 'Boolean']);

/**
 * Makes every field that takes arguments refuse one holding a NUL character (U+0000) anywhere, in a literal of
 * the document or in a variable, at any depth of an input object or list, with BAD_USER_INPUT naming the
 * argument's path (`input.fullName`, `representations[2].sku`) and never its value.
 *
 * Why here, once: PostgreSQL cannot store U+0000 in text, so such a string failed in the driver, whose error
 * the boundary rightly masks as INTERNAL_SERVER_ERROR (issue #9). No text of this graph has a use for it, and a
 * check in each resolver would be one more thing every new field has to remember. Fields without arguments
 * (most of a response) and fields whose arguments cannot hold text (`reviews(first: Int)`, resolved once per
 * product of a listing) are left untouched, so reads pay nothing. Mutates `schema`, which its builder just made.
 */
export function refuseNulCharacters(schema: GraphQLSchema): void {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (!field.args.some(mayHoldText)) continue;
      // A field without its own resolver is resolved by graphql-js's default; nothing here passes another.
      field.resolve = guarded(field.name, field.resolve ?? defaultFieldResolver);
      if (field.subscribe) field.subscribe = guarded(field.name, field.subscribe);
    }
  }
}

function mayHoldText(arg: GraphQLArgument): boolean {
  const named = getNamedType(arg.type);
  return !(isEnumType(named) || TEXTLESS_SCALARS.has(named.name));
}

function guarded(fieldName: string, resolve: GraphQLFieldResolver<unknown, unknown>): GraphQLFieldResolver<unknown, unknown> {
  return (source, args: Record<string, unknown>, context, info) => {
    const path = pathOfNul(args);
    if (path !== null) {
      throw DomainError.badUserInput(`Argument "${path}" of ${fieldName} contains a NUL character (U+0000), which no text may hold.`, path);
    }
    return resolve(source, args, context, info);
  };
}

/**
 * Where the first string holding a NUL is in a field's coerced arguments, or null. Iterative: an `_Any`
 * argument is arbitrary JSON, and a deeply nested one must not overflow the stack.
 */
function pathOfNul(args: Record<string, unknown>): string | null {
  const pending: Array<[value: unknown, path: string]> = Object.entries(args).reverse().map(([name, value]) => [value, name]);
  while (pending.length > 0) {
    const [value, path] = pending.pop()!;
    if (typeof value === 'string') {
      if (value.includes(NUL)) return path;
    } else if (Array.isArray(value)) {
      for (let index = value.length - 1; index >= 0; index -= 1) pending.push([value[index], `${path}[${index}]`]);
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value).reverse()) pending.push([item, `${path}.${key}`]);
    }
  }
  return null;
}
