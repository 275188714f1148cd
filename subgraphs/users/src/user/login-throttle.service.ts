import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { LoginAttemptRepository } from './login-attempt.repository';
import { accountSlowdownMs, waitSeconds, type LoginThrottlePolicy } from './login-throttle.policy';

/** One log-in attempt that may go ahead: how long to hold it first, and how to report its outcome. */
export interface AdmittedAttempt {
  readonly slowdownMs: number;
  succeeded(): Promise<void>;
  failed(): Promise<void>;
}

export type Admission = { readonly proceed: true; readonly attempt: AdmittedAttempt } | { readonly proceed: false; readonly retryAfterSeconds: number };

/**
 * Admits log-in attempts under the policy of login-throttle.policy.ts, for one request's EntityManager. The same for
 * known and unknown emails: it is keyed by the email as typed, before any account is looked up.
 */
export class LoginThrottle {
  private readonly repository: LoginAttemptRepository;

  constructor(
    em: EntityManager,
    private readonly policy: LoginThrottlePolicy,
    private readonly clock: () => Date,
  ) {
    this.repository = new LoginAttemptRepository(em, policy);
  }

  /** Whether `client` may try a password for `email` now; if so, the attempt is counted until it succeeds. */
  async admit(email: string, client: string): Promise<Admission> {
    const keys = {
      accountClient: counterKey('account-client', email, client),
      client: counterKey('client', client),
      account: counterKey('account', email),
    };
    const now = this.clock();
    const decision = await this.repository.begin(Object.values(keys), now, (counts) => {
      const retryAfterSeconds = Math.max(
        waitSeconds(counts.get(keys.accountClient), this.policy.freeFailures, this.policy, now),
        waitSeconds(counts.get(keys.client), this.policy.clientFreeFailures, this.policy, now),
      );
      return { proceed: retryAfterSeconds === 0, retryAfterSeconds, slowdownMs: accountSlowdownMs(counts.get(keys.account), this.policy, now) };
    });
    if (!decision.proceed) return { proceed: false, retryAfterSeconds: decision.retryAfterSeconds };
    return {
      proceed: true,
      attempt: {
        slowdownMs: decision.slowdownMs,
        // The owner proved themself: their client's and the account's counts start over; the client's count over
        // every account only loses this attempt (it may have failed elsewhere).
        succeeded: () => this.repository.succeeded([keys.accountClient, keys.account], [keys.client]),
        failed: () => this.repository.prune(this.clock()),
      },
    };
  }
}

/** A counter's key: a hash, so no email or address is stored in the clear. */
function counterKey(kind: string, ...parts: string[]): string {
  return createHash('sha256').update([kind, ...parts].join('\n')).digest('hex');
}
