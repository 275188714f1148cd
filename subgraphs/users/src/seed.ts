import type { EntityManager } from '@mikro-orm/postgresql';
import { DEMO_CUSTOMERS } from '@techally/demo-data';
import { Role, type Logger } from '@techally/platform';
import { AddressEntity } from './address/address.entity';
import type { PasswordHasher } from './user/password.hasher';
import { UserEntity } from './user/user.entity';
import { UserRepository } from './user/user.repository';

/** Creates the demo customers when there are no customers at all; does nothing otherwise. */
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
  }
  await em.flush();
  logger?.info({ customers: DEMO_CUSTOMERS.map((demo) => demo.email) }, 'seeded the demo customers');
}
