/** Per-account log-in throttling (config: LOGIN_MAX_FAILURES, LOGIN_FAILURE_WINDOW_MINUTES, LOGIN_LOCK_MINUTES). */
export interface LoginThrottlePolicy {
  /** Failures within the window that lock the account. */
  readonly maxFailures: number;
  readonly windowMinutes: number;
  readonly lockMinutes: number;
}

/** The throttling state of an account, as stored on it. */
export interface LoginThrottleState {
  readonly lockedUntil: Date | null;
}

const MINUTE_MS = 60_000;

/** Seconds until the account accepts log-ins again; 0 when it is not locked at `now`. */
export function lockedForSeconds(state: LoginThrottleState, now: Date): number {
  if (!state.lockedUntil || state.lockedUntil <= now) return 0;
  return Math.ceil((state.lockedUntil.getTime() - now.getTime()) / 1000);
}

/** Failures that started before this instant no longer count. */
export function windowStart(policy: LoginThrottlePolicy, now: Date): Date {
  return new Date(now.getTime() - policy.windowMinutes * MINUTE_MS);
}

/** When a lock that starts at `now` ends. */
export function lockEnd(policy: LoginThrottlePolicy, now: Date): Date {
  return new Date(now.getTime() + policy.lockMinutes * MINUTE_MS);
}
