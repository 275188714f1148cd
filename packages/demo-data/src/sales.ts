import { generateCatalog, seedUuid, type SeedCatalog, type SeedProduct } from './catalog.generator';
import { DEMO_CUSTOMERS } from './customers';

/** How far back the demo shop's sales go: the admin dashboard's month, and every day of its week. */
export const DEMO_SALES_DAYS = 28;

/**
 * One past sale of the demo shop: an order placed `daysAgo` UTC days before the day the shop is seeded (never that
 * day itself, so "today" on a fresh start counts only what happens after it), at `at` (UTC), and paid a few minutes
 * later. `total` is what the customer was charged: the orders subgraph prices the lines with its own shipping and tax
 * rules and refuses to seed a sale whose total differs (its spec checks every one), the payments subgraph records a
 * payment of exactly this amount.
 */
interface SalePlan {
  readonly key: string;
  /** Index into DEMO_CUSTOMERS (the order ships to their address). */
  readonly customer: 0 | 1 | 2;
  readonly daysAgo: number;
  readonly at: `${number}:${number}`;
  readonly lines: ReadonlyArray<readonly [sku: string, quantity: number]>;
  readonly total: number;
}

/*
 * Bundles bought together again and again, so `alsoBought` has structure to learn (a desk set-up, pour-over coffee,
 * espresso, camping, cycling, programming books, a phone and earbuds, a dutch oven and a cookbook), and one best-seller
 * (the JBL Flip 6) bought alone and beside everything, which the scoring must keep from topping every list.
 */
const DESK = ['LNV-X1C12-16-512', 'LOG-MXKS-BLK', 'LOG-MXM3S-BLK'] as const;
const POUR_OVER = ['HAR-V60-02-SET', 'FEL-STAGGEKG-BLK', '1ZP-JMAX-BLK'] as const;
const ESPRESSO = ['BRV-BES870-SS', 'BRZ-ENCESP-BLK'] as const;
const CAMPING = ['MSR-HUBBA2-FP', 'TAR-HYP20-REG'] as const;
const CYCLING = ['GIR-SYNMIPS-M', 'LEZ-MD1300-TWO', 'GRM-RTL515-ONE'] as const;
const BOOKS = ['BK-PRAGPROG-PB', 'BK-DDIA-PB', 'BK-REFACTOR-PB'] as const;
const PHONE = ['APL-IP16-256', 'APL-APP2-BLK'] as const;
const KITCHEN = ['LCR-SIGDO-24', 'BK-SFAH-HC'] as const;
const BEST_SELLER = 'JBL-FLIP6-BLK';

const one = (...skus: string[]): ReadonlyArray<readonly [string, number]> => skus.map((sku) => [sku, 1] as const);

const PLAN: ReadonlyArray<SalePlan> = [
  { key: 'sale-01', customer: 0, daysAgo: 27, at: '10:12', lines: one(...DESK), total: 205196 },
  { key: 'sale-02', customer: 1, daysAgo: 26, at: '15:40', lines: one(POUR_OVER[0], POUR_OVER[1]), total: 23218 },
  { key: 'sale-03', customer: 2, daysAgo: 25, at: '09:05', lines: one(BOOKS[0], BOOKS[1]), total: 12116 },
  { key: 'sale-04', customer: 1, daysAgo: 24, at: '19:22', lines: one(BEST_SELLER), total: 14039 },
  { key: 'sale-05', customer: 0, daysAgo: 23, at: '12:31', lines: one(...CAMPING), total: 123598 },
  { key: 'sale-06', customer: 2, daysAgo: 22, at: '17:48', lines: one(...CYCLING), total: 57596 },
  { key: 'sale-07', customer: 1, daysAgo: 21, at: '08:14', lines: one(...ESPRESSO), total: 97198 },
  { key: 'sale-08', customer: 0, daysAgo: 20, at: '20:03', lines: one(...PHONE, BEST_SELLER), total: 153596 },
  { key: 'sale-09', customer: 2, daysAgo: 19, at: '11:57', lines: one(...POUR_OVER), total: 48596 },
  { key: 'sale-10', customer: 1, daysAgo: 18, at: '14:26', lines: one(BOOKS[1], BOOKS[2]), total: 11229 },
  { key: 'sale-11', customer: 0, daysAgo: 17, at: '16:09', lines: one(BEST_SELLER, BOOKS[0]), total: 20998 },
  { key: 'sale-12', customer: 2, daysAgo: 16, at: '10:44', lines: one(DESK[1], DESK[2]), total: 25198 },
  { key: 'sale-13', customer: 1, daysAgo: 15, at: '18:30', lines: one(...KITCHEN), total: 48166 },
  { key: 'sale-14', customer: 0, daysAgo: 14, at: '07:52', lines: one(CYCLING[0], CYCLING[2]), total: 41998 },
  { key: 'sale-15', customer: 2, daysAgo: 13, at: '13:15', lines: one(...CAMPING), total: 123598 },
  { key: 'sale-16', customer: 1, daysAgo: 12, at: '21:07', lines: one(...PHONE), total: 124198 },
  { key: 'sale-17', customer: 0, daysAgo: 11, at: '09:38', lines: one(POUR_OVER[1], POUR_OVER[2]), total: 43198 },
  { key: 'sale-18', customer: 2, daysAgo: 10, at: '15:02', lines: [[BEST_SELLER, 2]], total: 31198 },
  { key: 'sale-19', customer: 1, daysAgo: 9, at: '11:21', lines: one(...ESPRESSO), total: 97198 },
  { key: 'sale-20', customer: 0, daysAgo: 8, at: '19:46', lines: one(...BOOKS), total: 17156 },
  { key: 'sale-21', customer: 2, daysAgo: 6, at: '12:09', lines: one(...KITCHEN, BEST_SELLER), total: 69116 },
  { key: 'sale-22', customer: 1, daysAgo: 5, at: '16:55', lines: one(DESK[0], DESK[2]), total: 172798 },
  { key: 'sale-23', customer: 0, daysAgo: 4, at: '08:33', lines: one(CYCLING[1], CYCLING[2]), total: 39598 },
  { key: 'sale-24', customer: 2, daysAgo: 3, at: '20:18', lines: one(PHONE[1], BEST_SELLER), total: 45598 },
  { key: 'sale-25', customer: 1, daysAgo: 2, at: '10:27', lines: one(...CAMPING), total: 111238 },
  { key: 'sale-26', customer: 0, daysAgo: 1, at: '14:50', lines: one(POUR_OVER[0], POUR_OVER[1]), total: 25798 },
];

/** A sale as every subgraph seeds its part of it: the order (orders), its payment (payments), its units (inventory). */
export interface DemoSale {
  readonly key: string;
  /** The order's id, the same in every subgraph. */
  readonly orderId: string;
  readonly customer: (typeof DEMO_CUSTOMERS)[number];
  readonly lines: ReadonlyArray<{ readonly product: SeedProduct; readonly quantity: number }>;
  /** What was charged, minor units of USD (see SalePlan). */
  readonly total: number;
  readonly placedAt: Date;
  /** Until when its stock was held for the payment (the reservation's expiry, the order's payment deadline). */
  readonly payBy: Date;
  readonly paidAt: Date;
}

const DAY_MS = 86_400_000;
/** Between placing an order and its payment's success: the stock reserved, the card confirmed. */
const PAID_AFTER_MS = 3 * 60_000;
/** How long its stock was held for the payment (inventory's default RESERVATION_TTL_SECONDS). */
const HELD_FOR_MS = 10 * 60_000;

/**
 * The demo shop's past sales (all PAID), oldest first, dated back from `seededAt` (its UTC day excluded). Pure and
 * deterministic for a given day: ids, lines and totals never change, only the dates move with the day of seeding.
 */
export function demoSales(seededAt: Date, catalog: SeedCatalog = generateCatalog()): DemoSale[] {
  const bySku = new Map(catalog.products.map((product) => [product.sku, product]));
  const today = Math.floor(seededAt.getTime() / DAY_MS) * DAY_MS;
  return PLAN.map((plan) => {
    const [hours, minutes] = plan.at.split(':').map(Number) as [number, number];
    const placedAt = new Date(today - plan.daysAgo * DAY_MS + (hours * 60 + minutes) * 60_000);
    return {
      key: plan.key,
      orderId: seedUuid(`demo-sale:${plan.key}`),
      customer: DEMO_CUSTOMERS[plan.customer],
      lines: plan.lines.map(([sku, quantity]) => {
        const product = bySku.get(sku);
        if (!product || product.status !== 'ACTIVE') throw new Error(`demo sale ${plan.key}: ${sku} is not an active product of the catalogue`);
        return { product, quantity };
      }),
      total: plan.total,
      placedAt,
      payBy: new Date(placedAt.getTime() + HELD_FOR_MS),
      paidAt: new Date(placedAt.getTime() + PAID_AFTER_MS),
    };
  });
}

/** When the demo shop received its opening stock: before its first sale. */
export function demoShopOpenedAt(seededAt: Date): Date {
  return new Date(Math.floor(seededAt.getTime() / DAY_MS) * DAY_MS - (DEMO_SALES_DAYS + 1) * DAY_MS);
}
