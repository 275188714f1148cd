import { randomUUID } from 'node:crypto';
import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * A place stock is kept. Persistence only: the public shape is `WarehouseType`. An inactive warehouse keeps
 * its stock rows (an admin still sees and corrects them) but counts for nothing a customer can buy.
 */
@Entity({ tableName: 'warehouse' })
export class Warehouse {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** Short and human, unique: "LON-1". */
  @Property({ type: 'string', length: 16, unique: 'warehouse_code_unique' })
  code!: string;

  @Property({ type: 'string', length: 100 })
  name!: string;

  @Property({ type: 'string', length: 100 })
  city!: string;

  /** ISO 3166-1 alpha-2. */
  @Property({ type: 'character', length: 2 })
  country!: string;

  @Property({ type: 'boolean', default: true })
  active: boolean = true;
}
