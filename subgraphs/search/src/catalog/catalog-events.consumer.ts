import type { EntityManager } from '@mikro-orm/postgresql';
import { defineConsumer, handleOnce, type EnvelopeOf, type EventConsumer, type EventType } from '@techally/events';
import type { SubgraphOrm } from '@techally/platform';
import type { SearchBackend } from '../backend/search-backend';
import type { CatalogSource } from './catalog-source';
import type { IndexNotifications } from './index-notifications';

/** The consumer group, and the inbox's consumer name: stable, or the group starts over (README of events). */
export const INDEX_CATALOG = 'search.index-catalog';

const PRODUCT_EVENTS = [
  'products.product-created.v1',
  'products.product-updated.v1',
  'products.price-changed.v1',
  'products.product-archived.v1',
] as const;

export const CATALOG_EVENT_TYPES = [...PRODUCT_EVENTS, 'inventory.stock-changed.v1', 'reviews.rating-changed.v1'] as const;

type CatalogEventType = (typeof CATALOG_EVENT_TYPES)[number];

function isProductEvent(envelope: EnvelopeOf<CatalogEventType>): envelope is EnvelopeOf<(typeof PRODUCT_EVENTS)[number]> {
  return (PRODUCT_EVENTS as ReadonlyArray<EventType>).includes(envelope.type);
}

export interface CatalogConsumerDependencies {
  readonly orm: SubgraphOrm;
  readonly backend: SearchBackend;
  readonly catalog: CatalogSource;
  readonly notifications: IndexNotifications;
}

/**
 * `search.index-catalog`: keeps the index in step with the catalogue. Stock and rating events carry their
 * facts and are applied as they come. Product events carry ids only, so the product's document (name,
 * description, price, category path, status) is read from the products subgraph first — outside the
 * transaction, as the current state, so a late or repeated event can only bring the document up to date
 * (older `updatedAt` never replaces newer). Each change commits with its inbox row (`handleOnce`): effectively
 * once. A products subgraph that does not answer makes the handler throw, and the bus delivers again.
 */
export function indexCatalogConsumer({ orm, backend, catalog, notifications }: CatalogConsumerDependencies): EventConsumer {
  return defineConsumer({
    group: INDEX_CATALOG,
    types: [...CATALOG_EVENT_TYPES],
    async handle(envelope) {
      const productId = envelope.payload.productId;
      const em = orm.em.fork() as EntityManager;
      let outcome;
      if (isProductEvent(envelope)) {
        const [document] = await catalog.products([productId]);
        // Unknown to products (never the case for an id it announced): nothing to index, but the event is handled.
        outcome = await handleOnce(em, envelope, INDEX_CATALOG, async (tx) => {
          if (document) await backend.upsertProducts([document], { within: tx });
        });
      } else if (envelope.type === 'inventory.stock-changed.v1') {
        const { inStock, available } = envelope.payload;
        outcome = await handleOnce(em, envelope, INDEX_CATALOG, (tx) =>
          backend.recordStock([{ productId, inStock, available, at: new Date(envelope.occurredAt) }], { within: tx }),
        );
      } else {
        const { average, count } = envelope.payload;
        outcome = await handleOnce(em, envelope, INDEX_CATALOG, (tx) =>
          backend.recordRating([{ productId, average, count, at: new Date(envelope.occurredAt) }], { within: tx }),
        );
      }
      if (outcome.applied) notifications.notify({ productId, cause: envelope.type });
    },
  }) as EventConsumer;
}
