/** The operations the specs send, with every field of the contract selected where it matters. */
export const ORDER_FIELDS = `id number status customer { id }
  items { id sku name quantity unitPrice { amount currency formatted } lineTotal { amount currency } product { id sku } }
  subtotal { amount currency } shipping { amount currency } tax { amount currency } total { amount currency formatted }
  shippingAddress { fullName line1 line2 city region postalCode country phone }
  statusHistory { from status reason at }
  placedAt updatedAt`;

export const PLACE_ORDER = `mutation PlaceOrder($input: PlaceOrderInput!) { placeOrder(input: $input) { ${ORDER_FIELDS} } }`;
export const ORDER = `query Order($id: ID!) { order(id: $id) { ${ORDER_FIELDS} } }`;
export const CANCEL_ORDER = `mutation Cancel($id: ID!) { cancelOrder(id: $id) { id status cancellationReason updatedAt statusHistory { from status reason at } } }`;
export const FULFILL_ORDER = `mutation Fulfill($id: ID!) { fulfillOrder(id: $id) { id status statusHistory { from status reason } } }`;
