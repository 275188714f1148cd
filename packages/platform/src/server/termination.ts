import type { Logger } from 'pino';

/** Below Kubernetes' default 30 s grace period, so a process exits on its own terms rather than by SIGKILL. */
export const DEFAULT_STOP_DEADLINE_MS = 25_000;

/**
 * Runs `stop` once on the first SIGTERM or SIGINT (in-flight requests drain, pools close), then exits 0; exits
 * 1 if stopping fails or takes longer than the deadline (a stuck connection must not keep a pod alive).
 */
export function stopOnTerminationSignals(
  stop: () => Promise<void>,
  logger: Logger,
  deadlineMs = DEFAULT_STOP_DEADLINE_MS,
): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'draining in-flight requests, then stopping');
    setTimeout(() => {
      logger.error({ deadlineMs }, 'stop did not finish in time; exiting');
      process.exit(1);
    }, deadlineMs).unref();
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'unclean stop');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
}
