import { UserError } from './user.errors';

const MAX_NAME_LENGTH = 100;
// Control characters in a display name end up in emails and admin screens; nothing legitimate needs them.
const CONTROL_CHARACTERS = /\p{Cc}/u;

/** A display name, trimmed; BAD_USER_INPUT when empty, too long or carrying control characters. */
export function normalizeName(input: string): string {
  const name = input.trim();
  if (name.length === 0) throw UserError.invalidName('must not be empty');
  if ([...name].length > MAX_NAME_LENGTH) throw UserError.invalidName(`must be at most ${MAX_NAME_LENGTH} characters long`);
  if (CONTROL_CHARACTERS.test(name)) throw UserError.invalidName('must not contain control characters');
  return name;
}
