import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useClient, useMutation, useQuery } from 'urql';
import { graphErrorOf } from '@techally/app-kit';
import { cart, useCart } from '../cart/cart';
import { StorefrontMyAddressesQuery } from '../account/address-operations';
import { CardForm, cardFieldOf, type Card, type CardErrors } from '../account/card-form';
import { useCartProducts } from '../cart/cart-products';
import { CheckoutLines, ShippingAddressPicker } from '../account/checkout-review';
import { FormAlert, Status } from '../account/form-fields';
import { checkoutAttemptKey, endCheckoutAttempt } from '../account/idempotency-key';
import { followOrder, newest, useLiveOrder, type OrderDetail } from '../account/live-order';
import { OrderLines, OrderStatusLine } from '../account/order-details';
import { StorefrontCancelOrderMutation, StorefrontPlaceOrderMutation } from '../account/order-operations';
import { cancellationText, declineText } from '../account/order-status';
import { PageHeading } from '../account/page-heading';
import { payOrder } from '../account/pay-order';
import { RequireSignIn } from '../account/require-sign-in';
import '../account/account.css';

/** Checkout: the cart at the server's prices, a shipping address, placeOrder, then a card (signed-in shoppers). */
export function CheckoutPage() {
  return (
    <RequireSignIn>
      <Checkout />
    </RequireSignIn>
  );
}

type Phase = 'idle' | 'placing' | 'paying' | 'waiting';

function Checkout() {
  const client = useClient();
  const navigate = useNavigate();
  const lines = useCart();
  const products = useCartProducts(lines.map((line) => line.productId));
  const [addressesResult, refetchAddresses] = useQuery({ query: StorefrontMyAddressesQuery, requestPolicy: 'cache-and-network' });
  const [, placeOrder] = useMutation(StorefrontPlaceOrderMutation);
  const [, cancelOrder] = useMutation(StorefrontCancelOrderMutation);
  const [chosenAddress, setChosenAddress] = useState<string | null>(null);
  const [placed, setPlaced] = useState<OrderDetail | null>(null);
  const [phase, setPhase] = useState<Phase>('idle');
  // `shown` counts announcements, so the same message twice (two declines in a row) still takes the focus.
  const [alert, setAlert] = useState<{ text: string | null; shown: number }>({ text: null, shown: 0 });
  const [cardErrors, setCardErrors] = useState<CardErrors>({});
  const alertRef = useRef<HTMLDivElement>(null);
  // The placed order's live subscription, held from placeOrder until the order page takes it over.
  const hold = useRef<{ release(): void } | null>(null);
  const leaving = useRef(new AbortController());
  const live = useLiveOrder(placed?.id ?? null);
  const order = placed ? newest(placed, live) : null;

  useEffect(() => {
    // Made here, not at the first render: StrictMode runs this effect's cleanup once before the real mount.
    const controller = new AbortController();
    leaving.current = controller;
    return () => {
      controller.abort();
      hold.current?.release();
    };
  }, []);

  const addresses = addressesResult.data?.me?.addresses ?? [];
  const addressId = chosenAddress ?? addresses.find((address) => address.isDefault)?.id ?? addresses[0]?.id ?? null;
  const unavailable = lines.some((line) => {
    const product = products.byId.get(line.productId);
    return !products.loading && (!product || product.status !== 'ACTIVE');
  });

  function announce(text: string | null) {
    setAlert((previous) => ({ text, shown: previous.shown + 1 }));
  }

  // After the page's heading took the focus (a step changed), the message about what happened takes it.
  useEffect(() => {
    if (alert.text) alertRef.current?.focus();
  }, [alert]);

  async function place() {
    if (!addressId) return announce('Choose or add a shipping address first.');
    const items = lines.map((line) => ({ productId: line.productId, quantity: line.quantity }));
    const idempotencyKey = checkoutAttemptKey(JSON.stringify({ items, addressId }));
    setPhase('placing');
    announce(null);
    const result = await placeOrder({ input: { items, shippingAddressId: addressId, idempotencyKey } });
    setPhase('idle');
    const order = result.data?.placeOrder;
    if (!order) {
      const error = graphErrorOf(result.error);
      const retry = error.code === 'NETWORK_ERROR' || error.code === 'SERVICE_UNAVAILABLE' ? ' Nothing was charged; place the order again: it will not be placed twice.' : '';
      return announce(`Your order was not placed: ${error.message}${retry}`);
    }
    if (order.status === 'CANCELLED') {
      endCheckoutAttempt();
      return announce(`Order ${order.number} was cancelled: ${cancellationText(order.cancellationReason)} Place the order again.`);
    }
    hold.current?.release();
    hold.current = followOrder(client, order.id);
    setPlaced(order);
  }

  function orderEnded(message: string) {
    endCheckoutAttempt();
    hold.current?.release();
    hold.current = null;
    setPlaced(null);
    setPhase('idle');
    announce(message);
  }

  async function pay(card: Card) {
    if (!order) return;
    setPhase('paying');
    setCardErrors({});
    announce(null);
    const outcome = await payOrder(client, order.id, card, leaving.current.signal, () => setPhase('waiting'));
    if (leaving.current.signal.aborted) return;
    switch (outcome.kind) {
      case 'paid':
        cart.clear();
        endCheckoutAttempt();
        navigate(`/orders/${order.id}`);
        return;
      case 'declined':
        return orderEnded(
          `${declineText(outcome.failureCode)} Order ${order.number} was cancelled and nothing was charged. Your cart is kept: place the order again to pay with another card.`,
        );
      case 'cancelled':
        return orderEnded(`Order ${order.number} was cancelled: ${cancellationText(outcome.reason)} Nothing was charged. Your cart is kept.`);
      case 'error': {
        setPhase('idle');
        const field = cardFieldOf(outcome.error.extensions['field']);
        if (field) setCardErrors({ [field]: outcome.error.message });
        else announce(`The payment did not go through: ${outcome.error.message}`);
      }
    }
  }

  async function changeOrder() {
    if (!order) return;
    const result = await cancelOrder({ id: order.id });
    if (result.error) return announce(`Order ${order.number} could not be cancelled: ${graphErrorOf(result.error).message}`);
    orderEnded(`Order ${order.number} was cancelled. Change your cart or address, then place the order again.`);
  }

  const alertBox = (
    <div ref={alertRef} tabIndex={-1}>
      <FormAlert>{alert.text}</FormAlert>
    </div>
  );

  if (lines.length === 0 && !order) {
    return (
      <section className="account-page">
        <PageHeading title="Checkout">Checkout</PageHeading>
        {alertBox}
        <p>
          Your cart is empty. <Link to="/">Browse the shop</Link>
        </p>
      </section>
    );
  }

  if (order) {
    return (
      <section className="account-page">
        <PageHeading title="Checkout: payment">Pay for order {order.number}</PageHeading>
        {alertBox}
        <OrderStatusLine order={order} />
        <section aria-labelledby="checkout-summary">
          <h2 id="checkout-summary">Your order</h2>
          <OrderLines order={order} />
        </section>
        <section aria-labelledby="checkout-card">
          <h2 id="checkout-card">Card</h2>
          {phase === 'waiting' ? <Status>Reserving your items before the payment… this takes a moment.</Status> : null}
          <CardForm amount={order.total.formatted} busy={phase === 'paying' || phase === 'waiting'} errors={cardErrors} onPay={(card) => void pay(card)} />
          <button type="button" className="account-secondary" onClick={() => void changeOrder()} disabled={phase !== 'idle'}>
            Cancel this order and change it
          </button>
        </section>
      </section>
    );
  }

  return (
    <section className="account-page">
      <PageHeading title="Checkout">Checkout</PageHeading>
      {alertBox}
      <section aria-labelledby="checkout-items">
        <h2 id="checkout-items">Items</h2>
        {products.error ? <FormAlert>Some products could not be loaded: {products.error}</FormAlert> : null}
        <CheckoutLines lines={lines} products={products} />
        <p>
          <Link to="/cart">Change your cart</Link>
        </p>
      </section>
      <section aria-labelledby="checkout-address">
        <h2 id="checkout-address">Shipping address</h2>
        {addressesResult.fetching && !addressesResult.data ? <Status>Loading your addresses…</Status> : null}
        {addressesResult.error ? <FormAlert>Your addresses could not be loaded: {graphErrorOf(addressesResult.error).message}</FormAlert> : null}
        {addressesResult.data ? (
          <ShippingAddressPicker
            addresses={addresses}
            chosen={addressId}
            onChoose={setChosenAddress}
            onAdded={(address) => {
              setChosenAddress(address.id);
              refetchAddresses({ requestPolicy: 'network-only' });
            }}
          />
        ) : null}
      </section>
      <div className="account-actions account-place">
        <button type="button" onClick={() => void place()} disabled={phase === 'placing' || !addressId || products.loading || unavailable}>
          {phase === 'placing' ? 'Placing your order…' : 'Place order'}
        </button>
        {unavailable ? <span className="account-field-error">Remove the products no longer sold from your cart first.</span> : null}
      </div>
    </section>
  );
}
