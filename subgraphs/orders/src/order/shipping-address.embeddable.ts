import { Embeddable, Property } from '@mikro-orm/core';

/**
 * The shipping address as it was when the order was placed: a copy, not a reference. The users subgraph owns
 * the address book, and a customer editing or deleting an address later must not move a parcel already sent.
 */
@Embeddable()
export class ShippingAddressSnapshot {
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

  /** ISO 3166-1 alpha-2, upper case: what the tax policy reads. */
  @Property({ type: 'character', length: 2 })
  country!: string;

  @Property({ type: 'text', nullable: true })
  phone: string | null = null;
}
