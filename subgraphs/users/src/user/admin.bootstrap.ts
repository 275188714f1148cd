import type { EntityManager } from '@mikro-orm/postgresql';
import { DomainError, ErrorCode, Role, type Logger } from '@techally/platform';
import type { PasswordHasher } from './password.hasher';
import { UserEntity } from './user.entity';
import { UserRepository } from './user.repository';
import { normalizeName } from './user.name';

/**
 * Makes sure the configured first administrator (ADMIN_EMAIL / ADMIN_PASSWORD) exists and has the ADMIN role:
 * created when missing, promoted when it exists without the role. An existing account's password is never
 * touched — whoever changed it since meant it. Safe when several replicas start at once. Creating it publishes
 * `users.user-registered.v1`, promoting it `users.user-changed.v1` (issue #14: staff alerts find their reader).
 */
export async function ensureAdmin(
  em: EntityManager,
  hasher: PasswordHasher,
  admin: { readonly email: string; readonly password: string },
  logger?: Logger,
): Promise<void> {
  const repository = new UserRepository(em);
  let user = await repository.findByEmail(admin.email);
  if (!user) {
    const created = new UserEntity();
    created.email = admin.email;
    created.name = normalizeName('Administrator');
    created.roles = [Role.ADMIN];
    created.passwordHash = await hasher.hash(admin.password);
    try {
      await repository.save(created, { type: 'users.user-registered.v1' });
      logger?.info({ email: admin.email }, 'created the administrator account from ADMIN_EMAIL');
      return;
    } catch (error) {
      // Another replica created it first; fall through and make sure of the role.
      if (!(error instanceof DomainError && error.code === ErrorCode.EMAIL_TAKEN)) throw error;
      em.clear();
      user = await repository.findByEmail(admin.email);
      if (!user) throw error;
    }
  }
  if (!user.roles.includes(Role.ADMIN)) {
    user.roles = [...user.roles, Role.ADMIN];
    await repository.save(user, { type: 'users.user-changed.v1' });
    logger?.info({ email: admin.email }, 'gave the ADMIN role to the account named by ADMIN_EMAIL');
  }
}
