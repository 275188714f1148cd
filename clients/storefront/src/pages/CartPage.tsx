import { Link } from 'react-router';
import { cart, MAX_QUANTITY_PER_LINE, useCart, type CartLine } from '../cart/cart';
import { formatMoney, useCartProducts, type CartProduct, type CartProductState } from '../cart/cart-products';
import { ProductImage } from '../components/ProductImage';
import { LoadError } from '../components/QueryStatus';
import { useDocumentTitle } from '../components/useDocumentTitle';

/** The cart: each line at today's price, quantities, remove, the subtotal, and the way to checkout. */
export function CartPage() {
  useDocumentTitle('Cart');
  const lines = useCart();
  const { states, retry } = useCartProducts(lines.map((line) => line.productId));

  if (lines.length === 0) {
    return (
      <div className="cart-empty">
        <h1>Your cart</h1>
        <p>Your cart is empty.</p>
        <p>
          <Link to="/" className="button button-primary">
            Browse the catalogue
          </Link>
        </p>
      </div>
    );
  }

  const loaded = lines.map((line) => ({ line, state: states.get(line.productId) ?? ({ status: 'loading' } as const) }));
  const priced = loaded.flatMap(({ line, state }) => (state.status === 'done' && state.product?.status === 'ACTIVE' ? [{ line, product: state.product }] : []));
  const pending = loaded.some(({ state }) => state.status !== 'done');
  const currency = priced[0]?.product.price.currency ?? 'USD';
  const subtotal = priced.reduce((sum, { line, product }) => sum + product.price.amount * line.quantity, 0);
  const units = lines.reduce((sum, line) => sum + line.quantity, 0);
  const problems = loaded.filter(({ line, state }) => state.status === 'done' && (!state.product || state.product.status !== 'ACTIVE' || state.product.inventory.available < line.quantity));

  return (
    <div className="cart">
      <h1>Your cart</h1>
      <ul className="cart-lines" aria-label="Cart lines">
        {loaded.map(({ line, state }) => (
          <CartLineRow key={line.productId} line={line} state={state} onRetry={retry} />
        ))}
      </ul>
      <section className="cart-summary" aria-label="Summary">
        <p className="subtotal">
          <span>
            Subtotal ({units} item{units === 1 ? '' : 's'})
          </span>{' '}
          <output aria-live="polite">{pending ? 'Calculating…' : formatMoney(subtotal, currency)}</output>
        </p>
        <p className="field-note">Shipping and the final total are worked out at checkout.</p>
        {problems.length > 0 && (
          <p className="field-note warning">
            {problems.length === 1 ? 'One line needs' : `${problems.length} lines need`} your attention before checkout (see above).
          </p>
        )}
        <Link to="/checkout" className="button button-primary">
          Checkout
        </Link>
      </section>
    </div>
  );
}

function CartLineRow({ line, state, onRetry }: { line: CartLine; state: CartProductState; onRetry(): void }) {
  if (state.status === 'loading') {
    return (
      <li className="cart-line" aria-busy="true">
        <p role="status">Loading this item…</p>
      </li>
    );
  }
  if (state.status === 'error') {
    return (
      <li className="cart-line">
        <LoadError what="this item" error={state.error} onRetry={onRetry} />
        <RemoveButton productId={line.productId} name="this item" />
      </li>
    );
  }
  const product = state.product;
  if (!product) {
    return (
      <li className="cart-line">
        <p>This product no longer exists.</p>
        <RemoveButton productId={line.productId} name="this item" />
      </li>
    );
  }
  return (
    <li className="cart-line">
      <ProductImage id={product.id} name={product.name} size="card" />
      <div className="cart-line-info">
        <h2>
          <Link to={`/product/${product.slug}`}>{product.name}</Link>
        </h2>
        <p>
          {product.price.formatted} each
        </p>
        <LineWarning line={line} product={product} />
      </div>
      <label className="cart-quantity">
        Quantity
        <input
          type="number"
          inputMode="numeric"
          min={1}
          max={MAX_QUANTITY_PER_LINE}
          value={line.quantity}
          aria-label={`Quantity of ${product.name}`}
          onChange={(event) => {
            const quantity = Number.parseInt(event.target.value, 10);
            if (Number.isInteger(quantity) && quantity > 0) cart.setQuantity(line.productId, quantity);
          }}
        />
      </label>
      <p className="cart-line-total" aria-label={`Line total for ${product.name}`}>
        {formatMoney(product.price.amount * line.quantity, product.price.currency)}
      </p>
      <RemoveButton productId={line.productId} name={product.name} />
    </li>
  );
}

function LineWarning({ line, product }: { line: CartLine; product: CartProduct }) {
  if (product.status !== 'ACTIVE') return <p className="field-note warning">No longer sold: remove it to check out.</p>;
  if (!product.inStock) return <p className="field-note warning">Out of stock now.</p>;
  if (product.inventory.available < line.quantity) return <p className="field-note warning">Only {product.inventory.available} left: lower the quantity.</p>;
  return null;
}

function RemoveButton({ productId, name }: { productId: string; name: string }) {
  return (
    <button type="button" className="button button-quiet" onClick={() => cart.remove(productId)} aria-label={`Remove ${name}`}>
      Remove
    </button>
  );
}
