import { graphErrorOf } from '@techally/app-kit';
import type { CombinedError } from 'urql';

/**
 * A mutation's error split for a form: the message under the input it names (`extensions.field`, which the
 * catalogue's BAD_USER_INPUT, SKU_TAKEN, SLUG_TAKEN and inventory's NEGATIVE_STOCK carry), or for the whole form.
 */
export interface FormErrors {
  readonly fields: Readonly<Record<string, string>>;
  readonly form: { readonly code: string; readonly message: string } | null;
}

export const NO_ERRORS: FormErrors = { fields: {}, form: null };

export function formErrorsOf(error: CombinedError | undefined, knownFields: ReadonlyArray<string>): FormErrors {
  if (!error) return NO_ERRORS;
  const { code, message, extensions } = graphErrorOf(error);
  const field = typeof extensions['field'] === 'string' ? extensions['field'] : null;
  // `input.price.amount` and `price.amount` both name the price field.
  const known = field ? knownFields.find((name) => field === name || field.endsWith(`.${name}`) || field.startsWith(`${name}.`)) : undefined;
  if (known) return { fields: { [known]: message }, form: null };
  return { fields: {}, form: { code, message } };
}
