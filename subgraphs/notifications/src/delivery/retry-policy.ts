/** How the pipeline retries a delivery that failed (README.md, *Delivery*). */
export interface RetryPolicy {
  /** Tries in all, the first included; after the last failed one the delivery is dead-lettered. */
  readonly maxAttempts: number;
  /** The wait after the first failure; it doubles with each further one. */
  readonly baseDelayMs: number;
  /** The longest wait between two tries. */
  readonly maxDelayMs: number;
}

/**
 * The wait after the `attempt`-th try failed (1-based): exponential, capped, with "equal jitter" — somewhere
 * between half the step and the step (`random` in [0, 1)) — so the deliveries that failed together during one
 * provider outage do not all come back at the same instant.
 */
export function retryDelayMs(policy: RetryPolicy, attempt: number, random: () => number = Math.random): number {
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(Math.max(attempt - 1, 0), 30));
  return Math.round(step / 2 + (random() * step) / 2);
}
