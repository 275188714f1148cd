import { DomainError, ErrorCode } from '@techally/platform';

export interface RefusedChange {
  readonly productId: string;
  readonly warehouseId: string;
  readonly warehouseCode: string;
  readonly delta: number;
  /** The figures when the change was refused. */
  readonly onHand: number;
  readonly reserved: number;
}

/** The stock domain's deliberate errors, each with its registered code (README.md, House style). */
export const StockError = {
  /** The change would take stock below zero or below what is reserved for orders. */
  negativeStock(change: RefusedChange): DomainError {
    const { productId, warehouseId, warehouseCode, delta, onHand, reserved } = change;
    return new DomainError(
      ErrorCode.NEGATIVE_STOCK,
      `Cannot change the stock of product ${productId} at ${warehouseCode} by ${delta}: it has ${onHand} on hand, ` +
        `${reserved} of them reserved, so at most ${onHand - reserved} can be taken out. Nothing was changed.`,
      { field: 'delta', productId, warehouseId, delta, onHand, reserved },
    );
  },

  unknownWarehouse(warehouseId: string): DomainError {
    return DomainError.badUserInput(`warehouseId "${warehouseId}" is not a warehouse of this shop.`, 'warehouseId');
  },

  unknownProduct(productId: string): DomainError {
    return DomainError.badUserInput(`productId "${productId}" is not a product of the catalog.`, 'productId');
  },
};
