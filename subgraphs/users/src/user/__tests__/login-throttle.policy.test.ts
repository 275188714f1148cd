import { loadUsersConfig } from '../../config';
import { accountSlowdownMs, waitSeconds, type LoginThrottlePolicy } from '../login-throttle.policy';

/** The defaults (LOGIN_* in the README): 3 free failures, 1 s doubling to 300 s, at most 2 s of slowdown, 60 min. */
const POLICY: LoginThrottlePolicy = loadUsersConfig({}).loginThrottle;
const NOW = new Date('2026-12-06T12:00:00.000Z');
const ago = (ms: number) => new Date(NOW.getTime() - ms);

describe('the log-in throttling policy', () => {
  it('asks nothing of the free failures, then doubles the wait from the last attempt, up to the maximum', () => {
    expect(waitSeconds(undefined, 3, POLICY, NOW)).toBe(0);
    expect(waitSeconds({ failures: 2, lastAttemptAt: NOW }, 3, POLICY, NOW)).toBe(0);
    expect([3, 4, 5, 6, 11, 12, 40].map((failures) => waitSeconds({ failures, lastAttemptAt: NOW }, 3, POLICY, NOW))).toEqual([
      1, 2, 4, 8, 256, 300, 300,
    ]);
    expect(waitSeconds({ failures: 5, lastAttemptAt: ago(2_500) }, 3, POLICY, NOW)).toBe(2);
    expect(waitSeconds({ failures: 5, lastAttemptAt: ago(4_000) }, 3, POLICY, NOW)).toBe(0);
  });

  it('forgets a counter left alone for the memory', () => {
    expect(waitSeconds({ failures: 50, lastAttemptAt: ago(60 * 60_000) }, 3, POLICY, NOW)).toBe(0);
    expect(accountSlowdownMs({ failures: 50, lastAttemptAt: ago(60 * 60_000) }, POLICY, NOW)).toBe(0);
  });

  it('only slows attempts on a much-guessed account, by a bounded delay, and never refuses them', () => {
    expect([0, 2, 3, 4, 6, 8, 1_000].map((failures) => accountSlowdownMs({ failures, lastAttemptAt: NOW }, POLICY, NOW))).toEqual([
      0, 0, 100, 200, 800, 2000, 2000,
    ]);
    expect(accountSlowdownMs({ failures: 1_000, lastAttemptAt: NOW }, { ...POLICY, accountMaxSlowdownMs: 0 }, NOW)).toBe(0);
  });
});
