import { createGroupedLoader } from '@techally/platform';
import type { EntityManager } from '@mikro-orm/postgresql';
import type DataLoader from 'dataloader';
import { AddressEntity } from './address.entity';

/**
 * Every address of many users in one query, default first then oldest first: `User.addresses` for a page of
 * users costs one statement, not one per user.
 */
export function createAddressesByUserLoader(em: EntityManager): DataLoader<string, AddressEntity[]> {
  return createGroupedLoader<AddressEntity, string>(
    (userIds) =>
      em.find(AddressEntity, { user: { $in: [...userIds] } }, { orderBy: { isDefault: 'desc', createdAt: 'asc', id: 'asc' } }),
    (address) => address.user.id,
  );
}
