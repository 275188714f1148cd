import { randomUUID } from 'node:crypto';
import { Check, Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';

/**
 * A review as stored. Persistence only: no GraphQL here, the public shape is `ReviewType`.
 *
 * `productId` and `authorId` are ids owned by other subgraphs (products, users): plain uuids, no foreign keys,
 * because this subgraph never reads those tables (README.md, Design decisions).
 *
 * - The unique (author, product) pair is what makes a second review of the same product REVIEW_ALREADY_EXISTS,
 *   including when two arrive at once (the repository translates the violation).
 * - `review_product_newest_index` serves "the newest visible reviews of these products" (equality on product
 *   and hidden, then the keyset order) and the per-product rating aggregate.
 * - `review_author_newest_index` serves "the reviews of these authors", newest first.
 */
@Entity({ tableName: 'review' })
@Unique({ name: 'review_author_id_product_id_unique', properties: ['authorId', 'productId'] })
@Index({ name: 'review_product_newest_index', properties: ['productId', 'hidden', 'createdAt', 'id'] })
@Index({ name: 'review_author_newest_index', properties: ['authorId', 'createdAt', 'id'] })
// Written as Postgres prints them back, so the migrator's diff sees no change (between becomes >= and <=).
@Check({ name: 'review_rating_check', expression: 'rating >= 1 and rating <= 5' })
@Check({ name: 'review_title_check', expression: 'char_length(title) >= 1 and char_length(title) <= 120' })
@Check({ name: 'review_body_check', expression: 'char_length(body) >= 1 and char_length(body) <= 5000' })
export class Review {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid', fieldName: 'product_id' })
  productId!: string;

  @Property({ type: 'uuid', fieldName: 'author_id' })
  authorId!: string;

  /** Whole stars, 1 to 5. */
  @Property({ type: 'smallint' })
  rating!: number;

  @Property({ type: 'string', length: 120 })
  title!: string;

  @Property({ type: 'text' })
  body!: string;

  /** Hidden by a moderator: out of the product's reviews and rating; still visible to its author and admins. */
  @Property({ type: 'boolean', default: false })
  hidden: boolean = false;

  @Property({ type: 'string', length: 500, fieldName: 'hidden_reason', nullable: true })
  hiddenReason: string | null = null;

  /** The administrator who last hid or restored it. */
  @Property({ type: 'uuid', fieldName: 'moderated_by', nullable: true })
  moderatedBy: string | null = null;

  // Millisecond precision: cursors carry these as JS dates, which cannot hold Postgres's microseconds.
  @Property({ type: 'datetime', length: 3 })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', length: 3, onUpdate: () => new Date() })
  updatedAt: Date = new Date(this.createdAt.getTime());
}
