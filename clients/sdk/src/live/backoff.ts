/** How a dropped subscription connection is retried: exponential backoff with jitter, capped. */
export interface RetryPolicy {
  /** The first wait (ms); doubled on each consecutive failure. Default 500. */
  readonly initialDelayMs?: number;
  /** The longest wait (ms). Default 15,000. */
  readonly maxDelayMs?: number;
}

/** The wait before retry number `attempt` (0-based): half to all of `initial × 2^attempt`, at most `max`. */
export function backoffDelay(attempt: number, policy: RetryPolicy = {}): number {
  const initial = policy.initialDelayMs ?? 500;
  const max = policy.maxDelayMs ?? 15_000;
  return Math.min(initial * 2 ** attempt, max) * (0.5 + Math.random() / 2);
}

export function wait(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
