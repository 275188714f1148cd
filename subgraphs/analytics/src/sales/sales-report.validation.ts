import { DomainError } from '@techally/platform';

/** The longest report, in days (both ends included): a year and a month of slack. */
export const MAX_REPORT_DAYS = 400;

const DAY_MS = 86_400_000;

/** A calendar day, YYYY-MM-DD, that exists (2026-02-30 does not), as midnight UTC; BAD_USER_INPUT otherwise. */
export function parseDay(value: string, field: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const day = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  if (!day || day.toISOString().slice(0, 10) !== value) {
    throw DomainError.badUserInput(`"${field}" must be a date as YYYY-MM-DD, got ${JSON.stringify(value.slice(0, 40))}.`, field);
  }
  return day;
}

/** The report's days, `from` and `to` included: in order, and at most {@link MAX_REPORT_DAYS} of them. */
export function reportRange(from: string, to: string): { readonly from: Date; readonly to: Date } {
  const start = parseDay(from, 'from');
  const end = parseDay(to, 'to');
  if (start > end) throw DomainError.badUserInput(`"from" (${from}) must not be after "to" (${to}).`, 'from');
  const days = (end.getTime() - start.getTime()) / DAY_MS + 1;
  if (days > MAX_REPORT_DAYS) {
    throw DomainError.badUserInput(`A report covers at most ${MAX_REPORT_DAYS} days; ${from} to ${to} is ${days}.`, 'to');
  }
  return { from: start, to: end };
}
