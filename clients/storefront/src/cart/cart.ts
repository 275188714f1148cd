import { useSyncExternalStore } from 'react';

/** One line of the cart: a product and how many. Prices are not kept: the page shows the catalog's current ones. */
export interface CartLine {
  readonly productId: string;
  readonly quantity: number;
}

const STORAGE_KEY = 'techally.storefront.cart';
/** placeOrder's limit per line (orders subgraph). */
export const MAX_QUANTITY_PER_LINE = 99;

type Listener = () => void;
const listeners = new Set<Listener>();
let lines: ReadonlyArray<CartLine> = read();

function read(): ReadonlyArray<CartLine> {
  try {
    const parsed = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]') as unknown;
    if (!Array.isArray(parsed)) return [];
    return parsed.filter(
      (line): line is CartLine => typeof line?.productId === 'string' && Number.isInteger(line?.quantity) && line.quantity > 0,
    );
  } catch {
    return [];
  }
}

function write(next: ReadonlyArray<CartLine>): void {
  lines = next;
  localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
  for (const listener of listeners) listener();
}

// Another tab's change (adding from a second product tab) shows here too.
if (typeof window !== 'undefined') {
  window.addEventListener('storage', (event) => {
    if (event.key !== STORAGE_KEY) return;
    lines = read();
    for (const listener of listeners) listener();
  });
}

/**
 * The shopper's cart, kept in localStorage so it survives a reload (and a declined card: it is emptied only
 * once an order is paid). One module-level store for the whole app; components read it with {@link useCart}.
 */
export const cart = {
  get lines(): ReadonlyArray<CartLine> {
    return lines;
  },
  add(productId: string, quantity = 1): void {
    const existing = lines.find((line) => line.productId === productId);
    const next = Math.min(MAX_QUANTITY_PER_LINE, (existing?.quantity ?? 0) + quantity);
    write(existing ? lines.map((line) => (line.productId === productId ? { productId, quantity: next } : line)) : [...lines, { productId, quantity: next }]);
  },
  setQuantity(productId: string, quantity: number): void {
    if (quantity <= 0) return cart.remove(productId);
    write(lines.map((line) => (line.productId === productId ? { productId, quantity: Math.min(MAX_QUANTITY_PER_LINE, quantity) } : line)));
  },
  remove(productId: string): void {
    write(lines.filter((line) => line.productId !== productId));
  },
  clear(): void {
    write([]);
  },
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  },
};

/** The cart's lines; re-renders on every change (in this tab or another). */
export function useCart(): ReadonlyArray<CartLine> {
  return useSyncExternalStore(cart.subscribe, () => lines);
}
