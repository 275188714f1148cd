/** Display helpers: every figure the portal shows goes through one of these, so pages agree. */

const dateTime = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
// This year's dates without the year: tables stay narrow enough for a tablet.
const dateTimeThisYear = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
const time = new Intl.DateTimeFormat('en-GB', { timeStyle: 'medium' });

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return (date.getFullYear() === new Date().getFullYear() ? dateTimeThisYear : dateTime).format(date);
}

export function formatTime(iso: string): string {
  return time.format(new Date(iso));
}

/** An amount in minor units as a shopper reads it (`1999, USD` → `$19.99`). */
export function formatMoney(amount: number, currency: string): string {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(amount / 100);
}

/** `AWAITING_PAYMENT` → `Awaiting payment`. */
export function humanize(constant: string): string {
  const words = constant.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * A price typed by a person (`19.99`, `19`, `1,299.50`) in minor units, or null when it is not one. Rounds to the
 * cent: the server refuses fractions of a minor unit, and a person means 19.99 when typing 19.990.
 */
export function parsePrice(text: string): number | null {
  const cleaned = text.replace(/[,\s]/g, '');
  if (!/^\d+(\.\d{1,3})?$/.test(cleaned)) return null;
  return Math.round(Number(cleaned) * 100);
}

/** Minor units as the price field shows them (`1999` → `19.99`). */
export function priceText(amount: number): string {
  return (amount / 100).toFixed(2);
}
