import type { LowStockAlert } from '../notification/notification-subject';
import { html, type SafeHtml } from './html';

/** The facts of a low-stock alert as staff read them in an email: what, where, how many, against what. */
export interface StockFacts {
  readonly rows: ReadonlyArray<readonly [label: string, value: string]>;
}

export function stockFactsOf({ payload }: LowStockAlert): StockFacts {
  return {
    rows: [
      ['Product SKU', payload.sku ?? `not known yet (product ${payload.productId})`],
      ['Warehouse', payload.warehouseCode ?? 'all warehouses together'],
      ['Available', String(payload.available)],
      ['Low-stock threshold', String(payload.threshold)],
    ],
  };
}

/** `  Product SKU: TA-CBL-001`, one fact a line. */
export function stockFactsText(facts: StockFacts): string {
  return facts.rows.map(([label, value]) => `  ${label}: ${value}`).join('\n');
}

const CELL = 'padding:6px 8px;border-bottom:1px solid #e5e7eb;';

export function stockFactsHtml(facts: StockFacts): SafeHtml {
  const rows = facts.rows.map(([label, value]) => html`<tr><th scope="row" style="${CELL}text-align:left;font-weight:normal;color:#6b7280;">${label}</th><td style="${CELL}font-weight:bold;">${value}</td></tr>`);
  return html`<table role="presentation" style="border-collapse:collapse;width:100%;margin:16px 0;"><tbody>${rows}</tbody></table>`;
}
