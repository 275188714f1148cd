import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { StockAdjustmentReason } from './stock-adjustment-reason';
import type { StockAdjustmentRequest } from './stock.service';

registerEnumType(StockAdjustmentReason, {
  name: 'StockAdjustmentReason',
  description: 'Why stock changed; recorded with every adjustment.',
  valuesConfig: {
    RECEIVED: { description: 'A delivery from a supplier arrived.' },
    DAMAGED: { description: 'Units were found damaged and written off.' },
    LOST: { description: 'Units are missing (shrinkage, theft).' },
    RETURNED: { description: 'A customer return went back on the shelf.' },
    CORRECTION: { description: 'A stock count found a different figure.' },
  },
});

/** Input shape only: the rules (delta bounds, note length, known ids) live in StockService. */
@InputType('AdjustStockInput')
export class AdjustStockInput implements StockAdjustmentRequest {
  @Field(() => ID)
  productId!: string;

  @Field(() => ID)
  warehouseId!: string;

  @Field(() => Int, { description: 'Units to add (positive) or take away (negative); not 0, at most 1,000,000 either way.' })
  delta!: number;

  @Field(() => StockAdjustmentReason)
  reason!: StockAdjustmentReason;

  @Field(() => String, { nullable: true, description: 'Free text for the audit trail, at most 500 characters.' })
  note?: string | null;
}
