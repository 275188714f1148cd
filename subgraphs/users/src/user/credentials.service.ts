import { setTimeout as sleep } from 'node:timers/promises';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { LoginThrottle } from './login-throttle.service';
import type { PasswordHasher } from './password.hasher';
import { normalizeEmail } from './user.email';
import type { UserEntity } from './user.entity';
import { UserError } from './user.errors';
import type { UserRepository } from './user.repository';

/** Checks an email and password at log-in, throttled per account and client (login-throttle.policy.ts). */
export class CredentialsService {
  constructor(
    private readonly em: EntityManager,
    private readonly repository: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottle,
    /** The address of the client logging in (clientAddressOf in @techally/platform), for the per-client counters. */
    private readonly client: string,
  ) {}

  /**
   * The account these credentials open. LOGIN_THROTTLED (with retryAfterSeconds)
   * when this client must wait before trying again, whatever the password and whether or not the email has an
   * account; otherwise INVALID_CREDENTIALS for an unknown email and for a wrong password alike (the unknown
   * email is checked against a dummy hash, so both take as long). Nothing ever locks the account itself.
   */
  async verify(emailInput: string, password: string): Promise<UserEntity> {
    const email = normalizeEmail(emailInput) ?? emailInput.trim().toLowerCase();
    const admission = await this.throttle.admit(email, this.client);
    if (!admission.proceed) throw UserError.loginThrottled(admission.retryAfterSeconds);
    const { attempt } = admission;
    if (attempt.slowdownMs > 0) await sleep(attempt.slowdownMs);

    const user = normalizeEmail(emailInput) ? await this.repository.findByEmail(email) : null;
    const valid = user ? await this.hasher.verify(user.passwordHash, password) : await this.hasher.verifyAgainstNothing(password);
    if (!user || !valid) {
      await attempt.failed();
      throw UserError.invalidCredentials();
    }
    await attempt.succeeded();
    if (this.hasher.needsRehash(user.passwordHash)) {
      // The cost parameters were raised since this hash was made; upgrade it while we have the password.
      user.passwordHash = await this.hasher.hash(password);
      await this.em.flush();
    }
    return user;
  }
}
