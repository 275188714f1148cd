import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { isUuid } from '@techally/platform';
import { purchaseKeyOf, PurchaseRepository, type PurchaseKey } from './purchase.repository';

/**
 * Whether each (customer, product) pair is a purchase, per request: every `Review.verifiedPurchase` of a
 * response in one statement (a page of 50 reviews, or the reviews of 50 products, costs one).
 */
export function createPurchaseLoader(em: EntityManager): DataLoader<PurchaseKey, boolean, string> {
  const repository = new PurchaseRepository(em);
  return new DataLoader<PurchaseKey, boolean, string>(
    async (keys) => {
      // Review rows always hold uuids; the filter only keeps a malformed key from failing the whole batch.
      const bought = await repository.purchased(keys.filter((key) => isUuid(key.customerId) && isUuid(key.productId)));
      return keys.map((key) => bought.has(purchaseKeyOf(key)));
    },
    { maxBatchSize: 500, cacheKeyFn: purchaseKeyOf },
  );
}
