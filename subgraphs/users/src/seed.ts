import type { EntityManager } from '@mikro-orm/postgresql';
import { Role, type Logger } from '@techally/platform';
import { AddressEntity } from './address/address.entity';
import type { PasswordHasher } from './user/password.hasher';
import { UserEntity } from './user/user.entity';
import { UserRepository } from './user/user.repository';

/**
 * The demo customers of the embedded start (documented in README.md). Their ids are fixed so other
 * subgraphs' seeds (orders, reviews) can refer to them without asking this one.
 */
export const DEMO_CUSTOMERS = [
  {
    id: '6f1c1f0e-8a4b-4c53-9a38-2f5d6a1b0001',
    email: 'ada@example.com',
    password: 'correct-horse-battery',
    name: 'Ada Lovelace',
    address: { label: 'Home', fullName: 'Ada Lovelace', line1: '12 St James\'s Square', city: 'London', postalCode: 'SW1Y 4JH', country: 'GB', phone: '+44 20 7946 0001' },
  },
  {
    id: '6f1c1f0e-8a4b-4c53-9a38-2f5d6a1b0002',
    email: 'grace@example.com',
    password: 'compilers-are-friends',
    name: 'Grace Hopper',
    address: { label: 'Home', fullName: 'Grace Hopper', line1: '401 Broadway', city: 'New York', region: 'NY', postalCode: '10013', country: 'US', phone: '+1 212 555 0102' },
  },
  {
    id: '6f1c1f0e-8a4b-4c53-9a38-2f5d6a1b0003',
    email: 'alan@example.com',
    password: 'enigma-bombe-1941',
    name: 'Alan Turing',
    address: { label: 'Office', fullName: 'Alan Turing', line1: 'Bletchley Park', line2: 'Sherwood Drive', city: 'Milton Keynes', postalCode: 'MK3 6EB', country: 'GB', phone: null },
  },
] as const;

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
