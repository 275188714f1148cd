import { useId, type ReactElement, cloneElement } from 'react';

/**
 * A labelled form control with its hint and its error: the error is tied to the control (aria-describedby,
 * aria-invalid) so a screen reader reads it with the field.
 */
export function Field({ label, hint, error, children }: { label: string; hint?: string; error?: string; children: ReactElement<Record<string, unknown>> }) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {cloneElement(children, { id, 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined })}
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

/** The form-wide part of a mutation's error (one no field owns). */
export function FormError({ error }: { error: { code: string; message: string } | null }) {
  if (!error) return null;
  return (
    <div role="alert" className="notice notice-error">
      <p>{error.message}</p>
      <p className="notice-code">Code: {error.code}</p>
    </div>
  );
}
