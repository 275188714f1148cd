import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { cart, MAX_QUANTITY_PER_LINE, useCart } from '../cart/cart';

/**
 * Quantity and "Add to cart"; disabled, saying why, when nothing more can be added (out of stock, no longer sold,
 * or the cart already holds every unit available).
 */
export function AddToCart({ productId, name, available, forSale }: { productId: string; name: string; available: number; forSale: boolean }) {
  const inCart = useCart().find((line) => line.productId === productId)?.quantity ?? 0;
  const room = Math.max(0, Math.min(available, MAX_QUANTITY_PER_LINE) - inCart);
  const [quantity, setQuantity] = useState(1);
  const [added, setAdded] = useState<number | null>(null);
  const chosen = Math.min(Math.max(1, quantity), Math.max(1, room));
  const reason = !forSale ? 'This product is no longer sold.' : available === 0 ? 'Out of stock.' : room === 0 ? 'Your cart holds every unit available.' : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (reason) return;
    cart.add(productId, chosen);
    setAdded(chosen);
    setQuantity(1);
  };

  return (
    <form className="add-to-cart" onSubmit={submit}>
      <label>
        Quantity
        <input
          type="number"
          inputMode="numeric"
          min={1}
          max={Math.max(1, room)}
          value={reason ? 1 : chosen}
          disabled={reason !== null}
          onChange={(event) => setQuantity(Number.parseInt(event.target.value, 10) || 1)}
        />
      </label>
      <button type="submit" className="button button-primary" disabled={reason !== null} aria-describedby={reason ? 'add-to-cart-reason' : undefined}>
        Add to cart
      </button>
      {reason && (
        <p id="add-to-cart-reason" className="field-note">
          {reason}
        </p>
      )}
      <p role="status" className="added">
        {added !== null && (
          <>
            Added {added} × {name} to your cart ({inCart} in it). <Link to="/cart">View cart</Link>
          </>
        )}
      </p>
    </form>
  );
}
