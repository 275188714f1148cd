import { randomUUID } from 'node:crypto';
import { Entity, Enum, ManyToOne, PrimaryKey, Property, Unique, type Ref } from '@mikro-orm/core';
import { Payment } from './payment.entity';
import { AttemptOutcome } from './payment-status';

/**
 * One confirmation of a payment with one card: the audit trail of who tried what, and the marker of a
 * confirmation in flight (PROCESSING) that keeps a second one from reaching the provider meanwhile. Keeps the
 * card's last four digits and brand, never the number.
 */
@Entity({ tableName: 'payment_attempt' })
@Unique({ name: 'payment_attempt_payment_number_unique', properties: ['payment', 'number'] })
export class PaymentAttempt {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Payment, { ref: true, deleteRule: 'cascade' })
  payment!: Ref<Payment>;

  /** 1 for the first attempt on a payment, 2 for the retry after a decline, ... */
  @Property({ type: 'integer' })
  number!: number;

  @Enum({ items: () => AttemptOutcome })
  outcome: AttemptOutcome = AttemptOutcome.PROCESSING;

  @Property({ type: 'string', length: 64, nullable: true })
  failureCode: string | null = null;

  @Property({ type: 'character', length: 4 })
  cardLast4!: string;

  @Property({ type: 'string', length: 16 })
  cardBrand!: string;

  /** When the attempt started. */
  @Property({ type: 'datetime', length: 3 })
  at: Date = new Date();
}
