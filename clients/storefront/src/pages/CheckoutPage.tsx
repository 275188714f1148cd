/** (Skeleton, issue #12.) */
export function CheckoutPage() {
  return <h1>Checkout</h1>;
}
