import { forwardRef, useId, type InputHTMLAttributes, type ReactNode, type TextareaHTMLAttributes } from 'react';

export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  readonly label: string;
  /** Always shown under the field (a rule, an example); read with the field. */
  readonly hint?: ReactNode;
  /** Shown under the field in the error colour, read with it, and marks the field invalid. */
  readonly error?: string | undefined;
}

/** A labelled input whose hint and error are tied to it (aria-describedby), so a screen reader reads them with it. */
export const TextField = forwardRef<HTMLInputElement, TextFieldProps>(function TextField({ label, hint, error, ...input }, ref) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="account-field">
      <label htmlFor={id}>
        {label}
        {input.required ? null : <span className="account-optional"> (optional)</span>}
      </label>
      <input id={id} ref={ref} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...input} />
      {hint ? (
        <p id={hintId} className="account-hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="account-field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
});

/** What went wrong with the whole form (not one field): announced as soon as it appears. */
export function FormAlert({ children }: { children: ReactNode }) {
  if (!children) return null;
  return (
    <p role="alert" className="account-alert">
      {children}
    </p>
  );
}

/** Progress that is not an error ("Saving…"): announced politely. */
export function Status({ children }: { children: ReactNode }) {
  return (
    <p role="status" className="account-status">
      {children}
    </p>
  );
}

export interface TextAreaFieldProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'> {
  readonly label: string;
  readonly hint?: ReactNode;
  readonly error?: string | undefined;
}

/** A labelled textarea, its hint and error tied to it as {@link TextField}'s are. */
export function TextAreaField({ label, hint, error, ...textarea }: TextAreaFieldProps) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="account-field">
      <label htmlFor={id}>{label}</label>
      <textarea id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...textarea} />
      {hint ? (
        <p id={`${id}-hint`} className="account-hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="account-field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
