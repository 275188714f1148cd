import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { DomainError, requireViewer, type Viewer, isUuid } from '@techally/platform';
import type DataLoader from 'dataloader';
import { UserEntity } from '../user/user.entity';
import type { UserService } from '../user/user.service';
import { AddressEntity } from './address.entity';
import { AddressError } from './address.errors';
import { validateAddressFields, type AddressFieldsInput } from './address.fields';

/** A sane bound on an address book; it also bounds what `User.addresses` returns. */
export const MAX_ADDRESSES_PER_USER = 20;

export type AddressInput = AddressFieldsInput & { readonly isDefault?: boolean | null | undefined };

/**
 * A user's address book. Every change runs in a transaction that first locks the owner's row, so two
 * concurrent "make this the default" requests are applied one after the other instead of both clearing the
 * old default and tripping over the one-default-per-user index.
 */
export class AddressService {
  constructor(
    private readonly em: EntityManager,
    private readonly addressesByUser: DataLoader<string, AddressEntity[]>,
    private readonly users: UserService,
  ) {}

  /** `User.addresses`: for the user themself or an administrator. */
  async addressesOf(viewer: Viewer | null, userId: string): Promise<AddressEntity[]> {
    this.users.assertCanSeePrivate(viewer, userId);
    return this.addressesByUser.load(userId);
  }

  /** Adds an address to the viewer's book; the first one is the default whatever the input says. */
  async add(viewer: Viewer | null, input: AddressInput): Promise<AddressEntity> {
    const { userId } = requireViewer(viewer);
    const fields = validateAddressFields(input, true);
    return this.em.transactional(async (tx) => {
      await lockOwner(tx, userId);
      const existing = await tx.count(AddressEntity, { user: userId });
      if (existing >= MAX_ADDRESSES_PER_USER) {
        throw DomainError.badUserInput(`An address book holds at most ${MAX_ADDRESSES_PER_USER} addresses.`);
      }
      const isDefault = input.isDefault === true || existing === 0;
      if (isDefault) await clearDefault(tx, userId);
      const address = Object.assign(new AddressEntity(), fields, { isDefault });
      address.user = tx.getReference(UserEntity, userId, { wrapped: true });
      tx.persist(address);
      return address;
    });
  }

  /** Changes the given fields of one of the viewer's addresses. */
  async update(viewer: Viewer | null, id: string, input: AddressInput): Promise<AddressEntity> {
    const { userId } = requireViewer(viewer);
    const fields = validateAddressFields(input, false);
    return this.em.transactional(async (tx) => {
      await lockOwner(tx, userId);
      const address = await findOwned(tx, userId, id);
      Object.assign(address, fields);
      if (input.isDefault === true && !address.isDefault) {
        await clearDefault(tx, userId);
        address.isDefault = true;
      } else if (input.isDefault === false) {
        address.isDefault = false;
      }
      return address;
    });
  }

  /** Makes one of the viewer's addresses the default (the previous default stops being one). */
  setDefault(viewer: Viewer | null, id: string): Promise<AddressEntity> {
    return this.update(viewer, id, { isDefault: true });
  }

  /** Deletes one of the viewer's addresses; when it was the default, the newest remaining one takes over. */
  async remove(viewer: Viewer | null, id: string): Promise<boolean> {
    const { userId } = requireViewer(viewer);
    await this.em.transactional(async (tx) => {
      await lockOwner(tx, userId);
      const address = await findOwned(tx, userId, id);
      tx.remove(address);
      // Flushed now: the promotion below must not reach the database before the old default is gone.
      await tx.flush();
      if (!address.isDefault) return;
      const successor = await tx.findOne(AddressEntity, { user: userId }, { orderBy: { createdAt: 'desc', id: 'desc' } });
      if (successor) successor.isDefault = true;
    });
    return true;
  }
}

async function lockOwner(tx: EntityManager, userId: string): Promise<void> {
  const owner = await tx.findOne(UserEntity, userId, { lockMode: LockMode.PESSIMISTIC_WRITE, fields: ['id'] });
  if (!owner) throw DomainError.notFound('User', userId);
}

async function findOwned(tx: EntityManager, userId: string, id: string): Promise<AddressEntity> {
  const address = isUuid(id) ? await tx.findOne(AddressEntity, { id, user: userId }) : null;
  if (!address) throw AddressError.notFound(id);
  return address;
}

/** Runs at once (not at flush), so the old default is cleared before a new one is written. */
async function clearDefault(tx: EntityManager, userId: string): Promise<void> {
  await tx.nativeUpdate(AddressEntity, { user: userId, isDefault: true }, { isDefault: false });
}
