import { graphql } from '../gql';

/** The bell's figure: one count on the server (no page is read), refreshed on each live notification. */
export const StorefrontUnreadNotificationsQuery = graphql(`
  query StorefrontUnreadNotifications {
    me {
      id
      notifications {
        unreadCount
      }
    }
  }
`);

/** The panel: the newest notifications, with their order's number for the link. */
export const StorefrontNotificationsQuery = graphql(`
  query StorefrontNotifications($first: Int!) {
    me {
      id
      notifications(first: $first) {
        unreadCount
        edges {
          node {
            id
            title
            body
            createdAt
            readAt
            order {
              id
              number
            }
          }
        }
      }
    }
  }
`);

export const StorefrontMarkNotificationsReadMutation = graphql(`
  mutation StorefrontMarkNotificationsRead($ids: [ID!]!) {
    markNotificationsRead(ids: $ids) {
      id
      readAt
    }
  }
`);

/** Each new notification of the signed-in shopper, live (by persisted id over the app-kit's graphql-ws). */
export const StorefrontNotificationReceivedSubscription = graphql(`
  subscription StorefrontNotificationReceived {
    notificationReceived {
      id
      title
    }
  }
`);
