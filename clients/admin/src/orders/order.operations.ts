import { graphql } from '../gql';

export const AdminOrderRowFragment = graphql(`
  fragment AdminOrderRow on Order {
    id
    number
    status
    placedAt
    updatedAt
    total {
      ...AdminMoney
    }
    customer {
      id
      name
      email
    }
  }
`);

export const AdminOrderListQuery = graphql(`
  query AdminOrderList($first: Int!, $after: String, $filter: OrderFilter) {
    orders(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        ...AdminPageInfo
      }
      edges {
        node {
          ...AdminOrderRow
        }
      }
    }
  }
`);

export const AdminOrderFeedSubscription = graphql(`
  subscription AdminOrderFeed {
    orderStatusChanges {
      status
      previousStatus
      at
      order {
        ...AdminOrderRow
      }
    }
  }
`);

export const AdminOrderQuery = graphql(`
  query AdminOrder($id: ID!) {
    order(id: $id) {
      ...AdminOrderRow
      cancellationReason
      paymentDueAt
      subtotal {
        formatted
      }
      shipping {
        formatted
      }
      tax {
        formatted
      }
      items {
        id
        sku
        name
        quantity
        unitPrice {
          formatted
        }
        lineTotal {
          formatted
        }
        product {
          id
        }
      }
      shippingAddress {
        fullName
        line1
        line2
        city
        region
        postalCode
        country
        phone
      }
      statusHistory {
        from
        status
        reason
        at
      }
      payment {
        id
        status
        provider
        attempts
        failureCode
        amount {
          formatted
        }
      }
    }
  }
`);

export const AdminOrderChangedSubscription = graphql(`
  subscription AdminOrderChanged($orderId: ID!) {
    orderStatusChanged(orderId: $orderId) {
      status
      at
    }
  }
`);

export const AdminFulfillOrderMutation = graphql(`
  mutation AdminFulfillOrder($id: ID!) {
    fulfillOrder(id: $id) {
      ...AdminOrderRow
    }
  }
`);

export const AdminCancelOrderMutation = graphql(`
  mutation AdminCancelOrder($id: ID!) {
    cancelOrder(id: $id) {
      ...AdminOrderRow
      cancellationReason
    }
  }
`);

export const AdminRefundPaymentMutation = graphql(`
  mutation AdminRefundPayment($id: ID!) {
    refundPayment(id: $id) {
      id
      status
      order {
        ...AdminOrderRow
      }
    }
  }
`);

export const ORDER_STATUSES = ['PENDING', 'AWAITING_PAYMENT', 'PAID', 'FULFILLED', 'CANCELLED', 'REFUNDED'] as const;
