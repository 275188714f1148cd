import { DomainError, isUuid, requireAdmin, type Viewer } from '@techally/platform';
import { LowStockThresholds, MAX_LOW_STOCK_THRESHOLD, type LowStockThresholdRow } from './low-stock-threshold';

/** One threshold's scope: a product, or (warehouseId) a product in one warehouse. */
export interface LowStockThresholdScope {
  readonly productId: string;
  readonly warehouseId?: string | null;
}

export interface SetLowStockThreshold extends LowStockThresholdScope {
  readonly threshold: number;
}

/**
 * The administrators' low-stock thresholds. A threshold applies from the next stock change of its product (the
 * watch compares each new figure with the threshold of the moment); the default is configuration.
 */
export class LowStockThresholdService {
  constructor(
    private readonly thresholds: LowStockThresholds,
    private readonly viewer: Viewer | null,
    /** LOW_STOCK_DEFAULT_THRESHOLD: what applies where no threshold is set. */
    private readonly defaultThreshold: number,
  ) {}

  async set(input: SetLowStockThreshold): Promise<LowStockThresholdRow> {
    const admin = requireAdmin(this.viewer);
    const scope = scopeOf(input);
    if (!Number.isInteger(input.threshold) || input.threshold < 0 || input.threshold > MAX_LOW_STOCK_THRESHOLD) {
      throw DomainError.badUserInput(`"threshold" must be a whole number from 0 to ${MAX_LOW_STOCK_THRESHOLD}, got ${input.threshold}.`, 'threshold');
    }
    return this.thresholds.set(scope, input.threshold, admin.userId);
  }

  /** Removes one threshold, so the product's own (then the default) applies from the next stock change; false when none was set. */
  remove(input: LowStockThresholdScope): Promise<boolean> {
    requireAdmin(this.viewer);
    return this.thresholds.remove(scopeOf(input));
  }

  /** Every threshold set, or (productId) one product's. */
  list(productId?: string | null): Promise<LowStockThresholdRow[]> {
    requireAdmin(this.viewer);
    return this.thresholds.list(productId == null ? null : scopeOf({ productId }).productId);
  }

  /** The configured default, for the pages that show what applies (administrators, like the thresholds). */
  default(): number {
    requireAdmin(this.viewer);
    return this.defaultThreshold;
  }
}

/** The scope as stored (lower-case UUIDs), or BAD_USER_INPUT naming the malformed id. */
function scopeOf(input: LowStockThresholdScope): { productId: string; warehouseId: string | null } {
  if (!isUuid(input.productId)) throw DomainError.badUserInput('"productId" is not a product id.', 'productId');
  const warehouseId = input.warehouseId ?? null;
  if (warehouseId !== null && !isUuid(warehouseId)) throw DomainError.badUserInput('"warehouseId" is not a warehouse id.', 'warehouseId');
  return { productId: input.productId.toLowerCase(), warehouseId: warehouseId?.toLowerCase() ?? null };
}
