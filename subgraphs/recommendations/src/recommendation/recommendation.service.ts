import DataLoader from 'dataloader';
import { DomainError, isUuid, requireViewer, type Viewer } from '@techally/platform';
import type { RecommendationQueries } from '../scoring/recommendation.queries';
import type { ProductViews } from './product-views';

/** How many products a recommendation list holds at most, and when `first` is omitted. */
export const MAX_RECOMMENDATIONS = 50;
export const DEFAULT_RECOMMENDATIONS = 10;

/** `first` of every recommendation list: 1 to {@link MAX_RECOMMENDATIONS}; BAD_USER_INPUT otherwise. */
export function recommendationCount(first: number | null | undefined): number {
  const count = first ?? DEFAULT_RECOMMENDATIONS;
  if (!Number.isInteger(count) || count < 1 || count > MAX_RECOMMENDATIONS) {
    throw DomainError.badUserInput(`"first" must be between 1 and ${MAX_RECOMMENDATIONS}, got ${count}.`, 'first');
  }
  return count;
}

function requireUuid(value: string, field: string, what: string): string {
  if (!isUuid(value as unknown)) throw DomainError.badUserInput(`"${field}" is not ${what} id: ${JSON.stringify(value.slice(0, 64))}.`, field);
  return value.toLowerCase();
}

/**
 * The recommendation use cases of one request. `alsoBought` of many products (a listing) is batched per
 * `first` into one statement each (DataLoader); a customer's own recommendations are theirs alone.
 */
export class RecommendationService {
  private readonly alsoBoughtLoaders = new Map<number, DataLoader<string, string[]>>();

  constructor(
    private readonly queries: RecommendationQueries,
    private readonly views: ProductViews,
    private readonly viewer: Viewer | null,
  ) {}

  alsoBought(productId: string, first: number | null | undefined): Promise<string[]> {
    const count = recommendationCount(first);
    const id = requireUuid(productId, 'id', 'a product');
    let loader = this.alsoBoughtLoaders.get(count);
    if (!loader) {
      loader = new DataLoader(async (ids: ReadonlyArray<string>) => {
        const answers = await this.queries.alsoBought(ids, count);
        return ids.map((key) => answers.get(key) ?? []);
      });
      this.alsoBoughtLoaders.set(count, loader);
    }
    return loader.load(id);
  }

  /** For the signed-in customer themself only: anonymous → UNAUTHENTICATED, anyone else (administrators too) → FORBIDDEN. */
  recommendedFor(userId: string, first: number | null | undefined): Promise<string[]> {
    const viewer = requireViewer(this.viewer);
    if (viewer.userId !== userId) throw DomainError.forbidden('Recommendations are seen by their customer only.');
    return this.queries.forCustomer(viewer.userId, recommendationCount(first));
  }

  popular(categoryId: string | null | undefined, first: number | null | undefined): Promise<string[]> {
    const count = recommendationCount(first);
    return this.queries.popular(categoryId == null ? null : requireUuid(categoryId, 'categoryId', 'a category'), count);
  }

  /** Remembers that the signed-in customer looked at the product (UNAUTHENTICATED for anonymous callers). */
  async viewed(productId: string): Promise<boolean> {
    const viewer = requireViewer(this.viewer);
    await this.views.record(viewer.userId, requireUuid(productId, 'productId', 'a product'));
    return true;
  }
}
