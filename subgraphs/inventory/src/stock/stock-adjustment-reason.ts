/** Why an admin changed the stock of a product in a warehouse; recorded on every adjustment. */
export enum StockAdjustmentReason {
  RECEIVED = 'RECEIVED',
  DAMAGED = 'DAMAGED',
  LOST = 'LOST',
  RETURNED = 'RETURNED',
  CORRECTION = 'CORRECTION',
}
