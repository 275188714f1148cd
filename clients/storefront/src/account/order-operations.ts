import { graphql } from '../gql';

/** Everything the order page shows; the live subscription carries the same, so an update replaces it whole. */
export const StorefrontOrderDetailFragment = graphql(`
  fragment StorefrontOrderDetail on Order {
    id
    number
    status
    placedAt
    updatedAt
    paymentDueAt
    cancellationReason
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
        slug
      }
    }
    subtotal {
      formatted
    }
    shipping {
      formatted
    }
    tax {
      formatted
    }
    total {
      amount
      currency
      formatted
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
      failureCode
      amount {
        formatted
      }
      updatedAt
    }
  }
`);

export const StorefrontOrderQuery = graphql(`
  query StorefrontOrder($id: ID!) {
    order(id: $id) {
      ...StorefrontOrderDetail
    }
  }
`);

export const StorefrontOrderStatusChangedSubscription = graphql(`
  subscription StorefrontOrderStatusChanged($orderId: ID!) {
    orderStatusChanged(orderId: $orderId) {
      status
      previousStatus
      at
      order {
        ...StorefrontOrderDetail
      }
    }
  }
`);

export const StorefrontPlaceOrderMutation = graphql(`
  mutation StorefrontPlaceOrder($input: PlaceOrderInput!) {
    placeOrder(input: $input) {
      ...StorefrontOrderDetail
    }
  }
`);

export const StorefrontConfirmPaymentMutation = graphql(`
  mutation StorefrontConfirmPayment($input: ConfirmPaymentInput!) {
    confirmPayment(input: $input) {
      id
      status
      failureCode
    }
  }
`);

export const StorefrontOrderProgressQuery = graphql(`
  query StorefrontOrderProgress($id: ID!) {
    order(id: $id) {
      id
      status
      cancellationReason
      updatedAt
      payment {
        id
        status
      }
    }
  }
`);

export const StorefrontCancelOrderMutation = graphql(`
  mutation StorefrontCancelOrder($id: ID!) {
    cancelOrder(id: $id) {
      id
      status
    }
  }
`);

export const StorefrontMyOrdersQuery = graphql(`
  query StorefrontMyOrders($first: Int!, $after: String) {
    me {
      id
      orders(first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          cursor
          node {
            id
            number
            status
            placedAt
            total {
              formatted
            }
            items {
              id
              quantity
            }
          }
        }
      }
    }
  }
`);

export const StorefrontAddReviewMutation = graphql(`
  mutation StorefrontAddReview($input: AddReviewInput!) {
    addReview(input: $input) {
      id
      rating
      title
    }
  }
`);

export const StorefrontMyReviewsQuery = graphql(`
  query StorefrontMyReviews {
    me {
      id
      reviews(first: 100) {
        edges {
          node {
            id
            rating
            title
            product {
              id
            }
          }
        }
      }
    }
  }
`);
