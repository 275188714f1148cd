import { randomUUID } from 'node:crypto';
import { Entity, Index, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { UserEntity } from '../user/user.entity';

/** The partial unique index that allows at most one default address per user. */
export const ONE_DEFAULT_ADDRESS_PER_USER = 'address_one_default_per_user';

/** A postal address of a user. Persistence only; the public contract is `Address` in address.type.ts. */
@Entity({ tableName: 'address' })
@Index({
  name: ONE_DEFAULT_ADDRESS_PER_USER,
  // MikroORM has no option for a partial index; the expression is compared by name in schema diffs.
  expression: (table, columns, indexName) =>
    `create unique index "${indexName}" on ${quoteTable(String(table))} ("${columns.user}") where "${columns.isDefault}"`,
})
export class AddressEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => UserEntity, { ref: true, deleteRule: 'cascade', index: 'address_user_id_index' })
  user!: Ref<UserEntity>;

  @Property({ type: 'text', nullable: true })
  label: string | null = null;

  @Property({ type: 'text' })
  fullName!: string;

  @Property({ type: 'text' })
  line1!: string;

  @Property({ type: 'text', nullable: true })
  line2: string | null = null;

  @Property({ type: 'text' })
  city!: string;

  @Property({ type: 'text', nullable: true })
  region: string | null = null;

  @Property({ type: 'text' })
  postalCode!: string;

  /** ISO 3166-1 alpha-2, upper case. */
  @Property({ type: 'character(2)', columnType: 'char(2)' })
  country!: string;

  @Property({ type: 'text', nullable: true })
  phone: string | null = null;

  @Property({ type: 'boolean', default: false })
  isDefault = false;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', columnType: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}

/** `users.address` → `"users"."address"`. */
function quoteTable(table: string): string {
  return table
    .split('.')
    .map((part) => `"${part}"`)
    .join('.');
}
