/**
 * Log-in throttling (issue #9): guessing is slowed, never turned into a lock the owner cannot get past (OWASP
 * Authentication Cheat Sheet, "Account lockout" vs throttling). Three counters of failed attempts, each keyed by
 * what an attacker controls least:
 *
 * - one client on one account (`account-client`): after `freeFailures`, each attempt must wait for a delay that
 *   doubles with every failure (base, 2×base, 4×base… up to `maxDelaySeconds`). A stranger's failures from their
 *   client never delay the owner's attempts from another;
 * - one client on every account (`client`): the same, after `clientFreeFailures` (password spraying);
 * - one account from every client (`account`): never refuses, only slows each attempt by a small delay that
 *   doubles after `freeFailures`, bounded by `accountMaxSlowdownMs` (a botnet guessing one account).
 *
 * Keyed by the email as typed (canonical), not by the account: an unknown email is throttled exactly like a known
 * one, so no answer says whether an account exists. Counters untouched for `memoryMinutes` start over.
 */
export interface LoginThrottlePolicy {
  /** Failures of one client on one account before its attempts are spaced out. */
  readonly freeFailures: number;
  /** Failures of one client across all accounts before its attempts are spaced out. */
  readonly clientFreeFailures: number;
  /** The first delay; each further failure doubles it. */
  readonly baseDelaySeconds: number;
  readonly maxDelaySeconds: number;
  /** The most an attempt on a much-guessed account is slowed by (0: never). */
  readonly accountMaxSlowdownMs: number;
  /** A counter without a failure for this long starts over. */
  readonly memoryMinutes: number;
  /** Proxies in front of this subgraph that append to X-Forwarded-For (the gateway: 1). */
  readonly trustedProxies: number;
}

/** What a counter holds: failed (or still running) attempts, and when the last one started. */
export interface AttemptCount {
  readonly failures: number;
  readonly lastAttemptAt: Date;
}

/** The account-wide slowdown's first step; it doubles per failure up to the policy's bound. */
export const ACCOUNT_SLOWDOWN_BASE_MS = 100;

const MINUTE_MS = 60_000;

/** The counter as it counts at `now`: forgotten (0) once it has been quiet for the policy's memory. */
export function currentFailures(count: AttemptCount | undefined, policy: LoginThrottlePolicy, now: Date): number {
  if (!count || count.lastAttemptAt.getTime() <= forgetBefore(policy, now).getTime()) return 0;
  return count.failures;
}

/** Counters whose last attempt is at or before this instant are forgotten. */
export function forgetBefore(policy: LoginThrottlePolicy, now: Date): Date {
  return new Date(now.getTime() - policy.memoryMinutes * MINUTE_MS);
}

/**
 * Seconds the next attempt must still wait, given a counter and how many failures are free; 0 when it may go
 * ahead. The wait after the n-th failure (n ≥ free) is base × 2^(n − free), at most the policy's maximum.
 */
export function waitSeconds(count: AttemptCount | undefined, free: number, policy: LoginThrottlePolicy, now: Date): number {
  const failures = currentFailures(count, policy, now);
  if (!count || failures < free) return 0;
  const delaySeconds = Math.min(policy.baseDelaySeconds * 2 ** Math.min(failures - free, 30), policy.maxDelaySeconds);
  const remainingMs = count.lastAttemptAt.getTime() + delaySeconds * 1000 - now.getTime();
  return remainingMs > 0 ? Math.ceil(remainingMs / 1000) : 0;
}

/** How long an attempt on an account guessed at from everywhere is held before it is checked (never refused). */
export function accountSlowdownMs(count: AttemptCount | undefined, policy: LoginThrottlePolicy, now: Date): number {
  const failures = currentFailures(count, policy, now);
  if (failures < policy.freeFailures) return 0;
  return Math.min(ACCOUNT_SLOWDOWN_BASE_MS * 2 ** Math.min(failures - policy.freeFailures, 30), policy.accountMaxSlowdownMs);
}
