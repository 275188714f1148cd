/** In stock or not, in words (never by colour alone); with the count when it is known. */
export function StockBadge({ inStock, available }: { inStock: boolean; available?: number }) {
  if (!inStock) return <span className="stock stock-out">Out of stock</span>;
  return <span className="stock stock-in">{available === undefined ? 'In stock' : `${available} in stock`}</span>;
}
