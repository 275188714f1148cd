import type { Viewer } from '@techally/platform';
import type { ClientSubscription } from './client-subscription';

/** setTimeout's longest delay (about 24.8 days); a later expiry is re-armed in steps. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * One client connection to the gateway, as authenticated at connect: the viewer, when its token expires, and
 * its open subscriptions (so they can all be ended when it does).
 */
export class ClientSession {
  readonly subscriptions = new Set<ClientSubscription>();
  private expiredFlag = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    readonly viewer: Viewer | null,
    /** The token's `exp` in ms since the epoch; undefined for an anonymous connection. */
    readonly expiresAt: number | undefined,
  ) {}

  get expired(): boolean {
    return this.expiredFlag || (this.expiresAt !== undefined && Date.now() >= this.expiresAt);
  }

  /** Calls `onExpired` once, when the token expires. */
  whenExpired(onExpired: () => void): void {
    if (this.expiresAt === undefined) return;
    const arm = () => {
      const remaining = (this.expiresAt as number) - Date.now();
      if (remaining > 0) {
        this.timer = setTimeout(arm, Math.min(remaining, MAX_TIMER_MS));
        return;
      }
      this.expiredFlag = true;
      onExpired();
    };
    arm();
  }

  /** The connection closed: nothing more to end. */
  dispose(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
