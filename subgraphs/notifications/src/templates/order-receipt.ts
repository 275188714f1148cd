import type { EventMoney, OrderLineV1 } from '@techally/events';
import { formatMoney } from '@techally/platform';
import { html, type SafeHtml } from './html';

/** One line of a receipt as shown: what the event told, with what it did not tell left out (never made up). */
export interface ReceiptLine {
  readonly name: string;
  readonly quantity: number;
  /** Null when the event predates `unitPrice` (issue #14: older events lack it). */
  readonly unitPrice: string | null;
  readonly lineTotal: string | null;
}

export interface Receipt {
  readonly lines: readonly ReceiptLine[];
  readonly total: string;
}

/** A line's name: the name at placeOrder, else its SKU, else the first block of the product id. */
function lineName(line: OrderLineV1): string {
  if (line.name) return line.name;
  if (line.sku) return `Item ${line.sku}`;
  return `Product ${line.productId.slice(0, 8).toUpperCase()}`;
}

export function receiptOf(items: readonly OrderLineV1[], total: EventMoney): Receipt {
  return {
    lines: items.map((line) => ({
      name: lineName(line),
      quantity: line.quantity,
      unitPrice: line.unitPrice ? formatMoney(line.unitPrice.amount, line.unitPrice.currency) : null,
      lineTotal: line.unitPrice ? formatMoney(line.unitPrice.amount * line.quantity, line.unitPrice.currency) : null,
    })),
    total: formatMoney(total.amount, total.currency),
  };
}

/** `2 × Wireless Mouse   @ $25.00   $50.00`, one line each, then the total. */
export function receiptText(receipt: Receipt): string {
  const lines = receipt.lines.map((line) => {
    const price = line.unitPrice && line.lineTotal ? ` @ ${line.unitPrice} = ${line.lineTotal}` : '';
    return `  ${line.quantity} × ${line.name}${price}`;
  });
  return [...lines, `  Total: ${receipt.total}`].join('\n');
}

const CELL = 'padding:6px 8px;border-bottom:1px solid #e5e7eb;';
const RIGHT = `${CELL}text-align:right;`;

export function receiptHtml(receipt: Receipt): SafeHtml {
  const rows = receipt.lines.map(
    (line) => html`<tr><td style="${CELL}">${line.name}</td><td style="${RIGHT}">${line.quantity}</td><td style="${RIGHT}">${line.unitPrice ?? '–'}</td><td style="${RIGHT}">${line.lineTotal ?? '–'}</td></tr>`,
  );
  return html`<table role="presentation" style="border-collapse:collapse;width:100%;margin:16px 0;">
<thead><tr><th style="${CELL}text-align:left;">Item</th><th style="${RIGHT}">Qty</th><th style="${RIGHT}">Unit price</th><th style="${RIGHT}">Line total</th></tr></thead>
<tbody>${rows}</tbody>
<tfoot><tr><td colspan="3" style="${RIGHT}font-weight:bold;">Total</td><td style="${RIGHT}font-weight:bold;">${receipt.total}</td></tr></tfoot>
</table>`;
}
