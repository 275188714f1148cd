import { useRef, useState, type FormEvent } from 'react';
import { useFocusOnFirstInvalid } from './field-errors';
import { TextField } from './form-fields';

export interface Card {
  readonly number: string;
  readonly expMonth: number;
  readonly expYear: number;
  readonly cvc: string;
}

export type CardField = 'number' | 'expiry' | 'cvc';
export type CardErrors = Partial<Record<CardField, string>>;

/** confirmPayment names a refused card field `card.number`, `card.expMonth`… (payments' card check). */
export function cardFieldOf(field: unknown): CardField | undefined {
  const name = typeof field === 'string' ? field.replace(/^input\./, '') : '';
  if (name === 'card.number') return 'number';
  if (name === 'card.expMonth' || name === 'card.expYear') return 'expiry';
  if (name === 'card.cvc') return 'cvc';
  return undefined;
}

function parseExpiry(text: string): { expMonth: number; expYear: number } | null {
  const match = /^\s*(\d{1,2})\s*\/\s*(\d{2}|\d{4})\s*$/.exec(text);
  if (!match) return null;
  const year = Number(match[2]);
  return { expMonth: Number(match[1]), expYear: year < 100 ? 2000 + year : year };
}

/**
 * The card to pay with. Checks only what a typo breaks (something in each field, an expiry shaped MM/YY); the
 * payments subgraph checks the card itself and its refusals come back beside the field they name (`errors`).
 */
export function CardForm({ amount, busy, errors, onPay }: { amount: string; busy: boolean; errors: CardErrors; onPay: (card: Card) => void }) {
  const [ownErrors, setOwnErrors] = useState<CardErrors>({});
  const formRef = useRef<HTMLFormElement>(null);
  useFocusOnFirstInvalid(formRef, errors);
  useFocusOnFirstInvalid(formRef, ownErrors);
  const shown = { ...errors, ...ownErrors };

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const number = String(data.get('number') ?? '').trim();
    const expiry = parseExpiry(String(data.get('expiry') ?? ''));
    const cvc = String(data.get('cvc') ?? '').trim();
    const found: CardErrors = {};
    if (!number) found.number = 'Enter the card number.';
    if (!expiry) found.expiry = 'Enter the expiry date as MM/YY, e.g. 12/30.';
    if (!cvc) found.cvc = 'Enter the 3 or 4 digits on the back of the card.';
    setOwnErrors(found);
    if (Object.keys(found).length > 0 || !expiry) {
      return;
    }
    onPay({ number, cvc, ...expiry });
  }

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-label="Card payment" className="account-form account-card-form">
      <TextField label="Card number" name="number" inputMode="numeric" autoComplete="cc-number" required error={shown.number} hint="Test cards: 4242 4242 4242 4242 is accepted; 4000 0000 0000 0002 is declined." />
      <div className="account-grid">
        <TextField label="Expiry (MM/YY)" name="expiry" inputMode="numeric" autoComplete="cc-exp" placeholder="MM/YY" required error={shown.expiry} />
        <TextField label="Security code (CVC)" name="cvc" inputMode="numeric" autoComplete="cc-csc" maxLength={4} required error={shown.cvc} />
      </div>
      <button type="submit" disabled={busy}>
        {busy ? 'Paying…' : `Pay ${amount}`}
      </button>
    </form>
  );
}
