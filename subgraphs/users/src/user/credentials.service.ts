import type { EntityManager } from '@mikro-orm/postgresql';
import { lockedForSeconds, type LoginThrottlePolicy } from './login.throttle';
import type { PasswordHasher } from './password.hasher';
import { normalizeEmail } from './user.email';
import type { UserEntity } from './user.entity';
import { UserError } from './user.errors';
import type { UserRepository } from './user.repository';

/** Checks an email and password at log-in, with per-account throttling. */
export class CredentialsService {
  constructor(
    private readonly em: EntityManager,
    private readonly repository: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottlePolicy,
    private readonly clock: () => Date,
  ) {}

  /**
   * The account these credentials open. INVALID_CREDENTIALS for an unknown email and for a wrong password
   * alike (the unknown email is checked against a dummy hash so both take as long); LOGIN_THROTTLED while
   * the account is locked, even for the right password.
   */
  async verify(emailInput: string, password: string): Promise<UserEntity> {
    const email = normalizeEmail(emailInput);
    const user = email ? await this.repository.findByEmail(email) : null;
    if (!user) {
      await this.hasher.verifyAgainstNothing(password);
      throw UserError.invalidCredentials();
    }
    const now = this.clock();
    const lockedFor = lockedForSeconds(user, now);
    if (lockedFor > 0) throw UserError.loginThrottled(lockedFor);

    if (!(await this.hasher.verify(user.passwordHash, password))) {
      await this.repository.recordLoginFailure(user.id, this.throttle, now);
      throw UserError.invalidCredentials();
    }
    await this.repository.clearLoginFailures(user.id);
    if (this.hasher.needsRehash(user.passwordHash)) {
      // The cost parameters were raised since this hash was made; upgrade it while we have the password.
      user.passwordHash = await this.hasher.hash(password);
      await this.em.flush();
    }
    return user;
  }
}
