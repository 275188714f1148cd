import type { EntityManager } from '@mikro-orm/postgresql';
import { DEMO_CUSTOMERS } from '@techally/demo-data';
import { Role, type Logger } from '@techally/platform';
import { AddressEntity } from './address/address.entity';
import type { PasswordHasher } from './user/password.hasher';
import { UserEntity } from './user/user.entity';
import { UserRepository } from './user/user.repository';
import { appendUserEvent } from './user/user-events';

/**
 * Creates the demo customers when there are no customers at all; does nothing otherwise. Each is announced as
 * `users.user-registered.v1` in the same transaction, like a sign-up: the relay publishes the rows once the
 * subgraph listens, so the services that keep a directory of users (notifications) know the demo customers.
 */
export async function seedDemoCustomers(em: EntityManager, hasher: PasswordHasher, logger?: Logger): Promise<void> {
  const repository = new UserRepository(em);
  if ((await repository.countWithRole(Role.CUSTOMER)) > 0) return;
  for (const demo of DEMO_CUSTOMERS) {
    const user = Object.assign(new UserEntity(), {
      id: demo.id,
      email: demo.email,
      name: demo.name,
      roles: [Role.CUSTOMER],
      passwordHash: await hasher.hash(demo.password),
    });
    const address = Object.assign(new AddressEntity(), { region: null, line2: null, ...demo.address, isDefault: true });
    address.user = em.getReference(UserEntity, demo.id, { wrapped: true });
    em.persist([user, address]);
    appendUserEvent(em, 'users.user-registered.v1', user);
  }
  await em.flush();
  logger?.info({ customers: DEMO_CUSTOMERS.map((demo) => demo.email) }, 'seeded the demo customers');
}
