import { displayTextProblem } from '@techally/platform';
import { UserError } from './user.errors';

const MAX_NAME_LENGTH = 100;

/**
 * A display name, trimmed; BAD_USER_INPUT when empty, too long, or holding characters that hide or turn text
 * around (a name ends up in emails and admin screens, where it must read as what it is).
 */
export function normalizeName(input: string): string {
  const name = input.trim();
  if (name.length === 0) throw UserError.invalidName('must not be empty');
  if ([...name].length > MAX_NAME_LENGTH) throw UserError.invalidName(`must be at most ${MAX_NAME_LENGTH} characters long`);
  const problem = displayTextProblem(name);
  if (problem) throw UserError.invalidName(problem);
  return name;
}
