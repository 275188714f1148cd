import { DomainError, isUuid, requireAdmin, type Viewer } from '@techally/platform';
import { LowStockThresholds, MAX_LOW_STOCK_THRESHOLD, type LowStockThresholdRow } from './low-stock-threshold';

export interface SetLowStockThreshold {
  readonly productId: string;
  readonly warehouseId?: string | null;
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
  ) {}

  async set(input: SetLowStockThreshold): Promise<LowStockThresholdRow> {
    const admin = requireAdmin(this.viewer);
    if (!isUuid(input.productId)) throw DomainError.badUserInput('"productId" is not a product id.', 'productId');
    const warehouseId = input.warehouseId ?? null;
    if (warehouseId !== null && !isUuid(warehouseId)) throw DomainError.badUserInput('"warehouseId" is not a warehouse id.', 'warehouseId');
    if (!Number.isInteger(input.threshold) || input.threshold < 0 || input.threshold > MAX_LOW_STOCK_THRESHOLD) {
      throw DomainError.badUserInput(`"threshold" must be a whole number from 0 to ${MAX_LOW_STOCK_THRESHOLD}, got ${input.threshold}.`, 'threshold');
    }
    return this.thresholds.set({ productId: input.productId.toLowerCase(), warehouseId: warehouseId?.toLowerCase() ?? null }, input.threshold, admin.userId);
  }

  list(): Promise<LowStockThresholdRow[]> {
    requireAdmin(this.viewer);
    return this.thresholds.list();
  }
}
