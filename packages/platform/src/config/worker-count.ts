import { ConfigError } from './env';

/** More workers than this on one machine is a typo, not a plan (each is a whole Node.js process). */
export const MAX_WORKERS = 64;

/**
 * How many worker processes a service runs (`GATEWAY_WORKERS`, `SUBGRAPH_WORKERS`): a whole number from 1 to
 * {@link MAX_WORKERS}, default 1 (one process, no cluster). Workers share nothing but what lives outside the
 * process, so more than one needs each variable of `needs` set (a subgraph's DATABASE_URL, its REDIS_URL for the
 * event bus and subscription Pub/Sub): otherwise one worker's change would never reach another's subscribers.
 * Throws a ConfigError naming `variable`.
 */
export function readWorkerCount(
  variable: string,
  source: Record<string, string | undefined> = process.env,
  needs: ReadonlyArray<string> = [],
): number {
  const text = source[variable]?.trim() || '1';
  const workers = Number(text);
  if (!/^\d+$/.test(text) || workers < 1 || workers > MAX_WORKERS) {
    throw new ConfigError({ [variable]: `must be a whole number from 1 to ${MAX_WORKERS}, got "${text}"` });
  }
  const missing = workers > 1 ? needs.filter((need) => !source[need]?.trim()) : [];
  if (missing.length > 0) {
    throw new ConfigError({
      [variable]: `${workers} workers need ${missing.join(' and ')}: workers share state only through PostgreSQL and Redis`,
    });
  }
  return workers;
}
