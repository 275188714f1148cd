/**
 * Polls `probe` until it returns something other than `undefined`/`false`, or fails after `timeoutMs` with
 * `what` in the message. The bound is a safety net, not an assertion: tests never assert on durations.
 */
export async function waitFor<T>(
  what: string,
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  options: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<T> {
  const deadline = Date.now() + (options.timeoutMs ?? 15_000);
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}${lastError ? ` (last error: ${String(lastError)})` : ''}`);
    }
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 20));
  }
}

/** A promise the test settles by hand: a handler awaits it to be "in the middle of" its work. */
export function gate(): { promise: Promise<void>; open(): void; fail(error: Error): void } {
  let open!: () => void;
  let fail!: (error: Error) => void;
  const promise = new Promise<void>((resolve, reject) => {
    open = resolve;
    fail = reject;
  });
  return { promise, open, fail };
}

/**
 * Says plainly, in the test output, that a suite needing a real server did not run: jest only counts skipped
 * tests, and drops the console output of a file whose tests were all skipped, hence stderr. Called when the
 * file is loaded.
 */
export function announceSkipped(suite: string, reason: string): void {
  process.stderr.write(`SKIPPED: ${suite} — ${reason}\n`);
}
