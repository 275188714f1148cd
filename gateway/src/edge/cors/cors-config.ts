import { ConfigError } from '@techally/platform';

/** Apollo Studio's hosted Explorer and Sandbox call the graph from this origin (allowed outside production). */
export const APOLLO_STUDIO_ORIGIN = 'https://studio.apollographql.com';

/** Which web origins may call the graph from a browser (CORS_ORIGINS; gateway/README.md, *CORS*). */
export interface CorsConfig {
  /** Exact origins (`scheme://host[:port]`), compared byte for byte with the request's `Origin`. */
  readonly allowedOrigins: ReadonlySet<string>;
}

export const CORS_VARIABLES = Object.freeze({
  CORS_ORIGINS:
    'Comma-separated exact origins (https://shop.example,http://localhost:5173) whose pages may call the graph; Apollo Studio is added outside production. No wildcards.',
});

/**
 * Reads CORS_ORIGINS. Only exact origins: `*` and patterns (`https://*.example.com`) are refused at start, since a
 * pattern is one typo or one forgotten subdomain away from letting a stranger's page in, and `null` (sandboxed
 * frames, `file:` pages) is an origin anyone can take.
 */
export function loadCorsConfig(source: Record<string, string | undefined>, isProduction: boolean): CorsConfig {
  const listed = (source['CORS_ORIGINS'] ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  const problems = listed.map(originProblem).filter((problem): problem is string => problem !== null);
  if (problems.length > 0) throw new ConfigError({ CORS_ORIGINS: problems.join('; ') });
  const allowedOrigins = new Set(listed);
  if (!isProduction) allowedOrigins.add(APOLLO_STUDIO_ORIGIN);
  return Object.freeze({ allowedOrigins });
}

function originProblem(entry: string): string | null {
  if (entry.includes('*')) return `"${entry}": wildcards are not supported, list each origin exactly`;
  let parsed: URL;
  try {
    parsed = new URL(entry);
  } catch {
    return `"${entry}" is not an origin (scheme://host[:port])`;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return `"${entry}": only http and https origins`;
  if (parsed.origin !== entry) return `"${entry}" is not an origin: write it as "${parsed.origin}" (no path, no trailing slash, lower case)`;
  return null;
}
