import { graphql } from '../gql';

export const AdminReviewFieldsFragment = graphql(`
  fragment AdminReviewFields on Review {
    id
    rating
    title
    body
    hidden
    hiddenReason
    createdAt
    verifiedPurchase
    author {
      id
      name
      email
    }
    product {
      id
      name
    }
  }
`);

export const AdminReviewPage = graphql(`
  fragment AdminReviewPage on ReviewConnection {
    totalCount
    edges {
      node {
        ...AdminReviewFields
      }
    }
  }
`);

export const AdminProductReviewsQuery = graphql(`
  query AdminProductReviews($id: ID!) {
    product(id: $id) {
      id
      name
      rating {
        average
        count
      }
      reviews(first: 50) {
        ...AdminReviewPage
      }
    }
  }
`);

export const AdminCustomerReviewsQuery = graphql(`
  query AdminCustomerReviews($id: ID!) {
    user(id: $id) {
      id
      name
      reviews(first: 50) {
        ...AdminReviewPage
      }
    }
  }
`);

export const AdminCustomersQuery = graphql(`
  query AdminCustomers($first: Int, $after: String) {
    users(first: $first, after: $after) {
      edges {
        node {
          id
          name
          email
          roles
        }
      }
    }
  }
`);

export const AdminModerateReviewMutation = graphql(`
  mutation AdminModerateReview($id: ID!, $hidden: Boolean!, $reason: String) {
    moderateReview(id: $id, hidden: $hidden, reason: $reason) {
      ...AdminReviewFields
    }
  }
`);
