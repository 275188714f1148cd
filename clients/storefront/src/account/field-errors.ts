import { useEffect, type RefObject } from 'react';
import type { GraphError } from '@techally/app-kit';

/** A failed mutation split into what belongs beside a field and what belongs to the form as a whole. */
export interface FormErrors<Field extends string> {
  readonly fields: Partial<Record<Field, string>>;
  readonly form?: string;
}

/**
 * Puts the gateway's error beside the field it names (`extensions.field`, e.g. `email`, `password`, or
 * `input.fullName` for input the platform refused before a resolver ran); anything else is the form's.
 */
export function formErrorsOf<Field extends string>(error: GraphError, fields: ReadonlyArray<Field>): FormErrors<Field> {
  const named = typeof error.extensions['field'] === 'string' ? error.extensions['field'].replace(/^input\./, '') : undefined;
  const field = fields.find((candidate) => candidate === named);
  if (field) return { fields: { [field]: error.message } as Partial<Record<Field, string>> };
  return { fields: {}, form: error.message };
}

/**
 * After each new set of errors is on screen, moves focus to the first field marked invalid in the form, so the
 * shopper lands on what to fix (an effect: the fields are marked only once React has rendered the errors).
 */
export function useFocusOnFirstInvalid(form: RefObject<HTMLFormElement | null>, errors: unknown): void {
  useEffect(() => {
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [form, errors]);
}
