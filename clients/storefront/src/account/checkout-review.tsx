import { useId, useState } from 'react';
import { Link } from 'react-router';
import type { CartLine } from '../cart/cart';
import { AddressForm, AddressLines, type Address } from './address-form';
import { formatMoney, type CartProducts } from '../cart/cart-products';
import { Status } from './form-fields';
import { LinesHead, SumRow } from './order-details';

/** The cart's lines at the catalogue's current prices; lines no longer sold are flagged. */
export function CheckoutLines({ lines, products }: { lines: ReadonlyArray<CartLine>; products: CartProducts }) {
  const priced = lines.map((line) => ({ line, product: products.byId.get(line.productId) }));
  const currencies = new Set(priced.map(({ product }) => product?.price.currency).filter(Boolean));
  const subtotal = priced.reduce((sum, { line, product }) => sum + (product ? product.price.amount * line.quantity : 0), 0);
  const currency = [...currencies][0];
  return (
    <table className="account-table">
      <caption className="account-visually-hidden">Items in your cart</caption>
      <LinesHead />
      <tbody>
        {priced.map(({ line, product }) => (
          <tr key={line.productId}>
            <th scope="row">
              {product ? <Link to={`/product/${product.slug}`}>{product.name}</Link> : products.loading ? 'Loading…' : 'A product no longer sold'}
              {product && (product.status !== 'ACTIVE' || !product.inStock) ? (
                <span className="account-field-error"> — {product.status !== 'ACTIVE' ? 'no longer sold: remove it from your cart' : 'out of stock'}</span>
              ) : null}
            </th>
            <td>{product?.price.formatted ?? '—'}</td>
            <td>{line.quantity}</td>
            <td>{product ? formatMoney(product.price.amount * line.quantity, product.price.currency) : '—'}</td>
          </tr>
        ))}
      </tbody>
      {currency && currencies.size === 1 ? (
        <tfoot>
          <SumRow
            label={
              <>
                Subtotal <span className="account-hint">(shipping and tax are added when you place the order)</span>
              </>
            }
            amount={formatMoney(subtotal, currency)}
          />
        </tfoot>
      ) : null}
    </table>
  );
}

/** Choose one of the shopper's addresses (the default first), or add one, which is then chosen. */
export function ShippingAddressPicker({
  addresses,
  chosen,
  onChoose,
  onAdded,
}: {
  addresses: ReadonlyArray<Address>;
  chosen: string | null;
  onChoose: (id: string) => void;
  onAdded: (address: Address) => void;
}) {
  const [adding, setAdding] = useState(addresses.length === 0);
  const name = useId();
  return (
    <>
      {addresses.length > 0 ? (
        <fieldset className="account-address-choice">
          <legend>Ship to</legend>
          {addresses.map((address) => (
            <label key={address.id} className="account-card account-choice">
              <input type="radio" name={name} value={address.id} checked={chosen === address.id} onChange={() => onChoose(address.id)} />
              <span>
                {address.label ? <strong>{address.label}</strong> : null}
                {address.isDefault ? <span className="account-badge">Default</span> : null}
                <AddressLines address={address} />
              </span>
            </label>
          ))}
        </fieldset>
      ) : (
        <Status>You have no saved address yet: add where your order should go.</Status>
      )}
      {adding ? (
        <AddressForm
          title="New shipping address"
          onSaved={(address) => {
            setAdding(false);
            onAdded(address);
          }}
          onCancel={addresses.length > 0 ? () => setAdding(false) : undefined}
        />
      ) : (
        <button type="button" className="account-secondary" onClick={() => setAdding(true)}>
          Add a new address
        </button>
      )}
    </>
  );
}
