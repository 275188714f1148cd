import { cleanEnv, EnvMissingError, makeValidator, type Spec, type ValidatorSpec } from 'envalid';

export { bool, num, port, str, url } from 'envalid';

/**
 * A start-up configuration problem: a variable is missing or malformed. The message names every offending
 * variable, so `node dist/main.js` fails with something an operator can act on.
 */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly problems: Readonly<Record<string, string>>) {
    super(
      'Invalid configuration:\n' +
        Object.entries(problems)
          .map(([variable, problem]) => `  ${variable}: ${problem}`)
          .join('\n'),
    );
  }
}

/**
 * Runs one configuration reader, moving the problems of a ConfigError it throws into `problems` (and answering
 * undefined), so a service that reads its variables with several readers (its own, the event bus's) still fails
 * with ONE error naming every bad variable. Any other error passes through.
 */
export function collectConfigProblems<T>(problems: Record<string, string>, read: () => T): T | undefined {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    Object.assign(problems, error.problems);
    return undefined;
  }
}

/**
 * Reads and validates environment variables once, at the edge (README.md, House style). Unlike envalid's default
 * reporter, which prints and calls process.exit, this throws a {@link ConfigError} so tests and the
 * all-in-one launcher can handle it.
 */
export function readEnv<S extends Record<string, ValidatorSpec<unknown>>>(
  spec: S,
  source: Record<string, string | undefined> = process.env,
): Readonly<{ [K in keyof S]: S[K] extends ValidatorSpec<infer T> ? T : never }> {
  const env = cleanEnv(source, spec, {
    reporter: ({ errors }) => {
      const problems: Record<string, string> = {};
      for (const [variable, error] of Object.entries(errors)) {
        if (!error) continue;
        // envalid's message for a missing variable is its description; say plainly what is wrong instead.
        problems[variable] = error instanceof EnvMissingError ? 'is required but not set' : error.message;
      }
      if (Object.keys(problems).length > 0) throw new ConfigError(problems);
    },
  });
  return Object.freeze({ ...env }) as never;
}

/** A comma-separated list of non-empty strings ("a, b ,c" → ["a","b","c"]). */
export const list = makeValidator<string[]>((input: string) =>
  input
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0),
);

const POSTGRES_URL_SHAPE = 'postgres://user:password@host:5432/database';

/**
 * A PostgreSQL connection URL: postgres:// or postgresql://, a host and one database name. Checked here, once,
 * because the drivers downstream fail late and loudly: MikroORM throws its own stack trace for a URL without a
 * database, and pg picks "the rest of the path" where MikroORM picks its last segment. The problems never repeat
 * the URL, which may carry a password.
 */
export const postgresUrl = makeValidator<string>((input: string) => {
  let parsed: URL;
  try {
    parsed = new URL(input);
  } catch {
    throw new Error(`is not a URL: expected ${POSTGRES_URL_SHAPE}`);
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new Error(`must start with postgres:// or postgresql://, got ${parsed.protocol}//`);
  }
  if (!parsed.hostname) throw new Error(`must name a host: ${POSTGRES_URL_SHAPE}`);
  const path = parsed.pathname.replace(/^\//, '');
  if (!path) throw new Error(`must name a database after the host: ${POSTGRES_URL_SHAPE}`);
  if (path.includes('/')) throw new Error(`must name one database after the host, not a path: ${POSTGRES_URL_SHAPE}`);
  return input;
});

export type { Spec };
