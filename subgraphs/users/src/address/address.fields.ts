import { displayTextProblem } from '@techally/platform';
import { AddressError } from './address.errors';

/** The editable fields of an address, after validation. */
export interface AddressFields {
  label: string | null;
  fullName: string;
  line1: string;
  line2: string | null;
  city: string;
  region: string | null;
  postalCode: string;
  country: string;
  phone: string | null;
}

export type AddressFieldsInput = { readonly [K in keyof AddressFields]?: string | null | undefined };

const FIELDS: ReadonlyArray<keyof AddressFields> = ['label', 'fullName', 'line1', 'line2', 'city', 'region', 'postalCode', 'country', 'phone'];
const REQUIRED: ReadonlyArray<keyof AddressFields> = ['fullName', 'line1', 'city', 'postalCode', 'country'];
const MAX_LENGTH = 200;
const COUNTRY = /^[A-Z]{2}$/;
// Digits, spaces and the usual separators, optionally with a leading +; formats vary too much to be stricter.
const PHONE = /^\+?[0-9 ().-]{4,30}$/;

/**
 * Validates the fields present in `input` (all of them when `complete`, as for a new address): trims them,
 * turns empty optional ones into null, upper-cases the country. BAD_USER_INPUT naming the field otherwise,
 * including for characters that hide or turn text around.
 */
export function validateAddressFields(input: AddressFieldsInput, complete: true): AddressFields;
export function validateAddressFields(input: AddressFieldsInput, complete: false): Partial<AddressFields>;
export function validateAddressFields(input: AddressFieldsInput, complete: boolean): Partial<AddressFields> {
  const fields: Partial<Record<keyof AddressFields, string | null>> = {};
  // Only the address's own fields: an input may carry others (isDefault) that are not this function's business.
  for (const key of FIELDS) {
    const raw = input[key];
    if (raw === undefined) continue;
    const value = raw === null ? '' : raw.trim();
    if (value.length > MAX_LENGTH) throw AddressError.invalidField(key, `must be at most ${MAX_LENGTH} characters long`);
    // Every line is printed on a label and shown to the customer: nothing hidden, nothing turned around.
    const problem = displayTextProblem(value);
    if (problem) throw AddressError.invalidField(key, problem);
    if (value === '') {
      if (REQUIRED.includes(key)) throw AddressError.invalidField(key, 'must not be empty');
      fields[key] = null;
      continue;
    }
    fields[key] = value;
  }
  if (complete) {
    for (const key of REQUIRED) if (!fields[key]) throw AddressError.invalidField(key, 'is required');
  }
  if (fields.country) {
    fields.country = fields.country.toUpperCase();
    if (!COUNTRY.test(fields.country)) throw AddressError.invalidField('country', 'must be an ISO 3166-1 alpha-2 code such as "US"');
  }
  if (fields.phone && !PHONE.test(fields.phone)) throw AddressError.invalidField('phone', 'is not a phone number');
  return fields as Partial<AddressFields>;
}
