import { graphql } from '../gql';

/**
 * What the settings page shows (STOCK_ALERTS' channels: its email is never locked, so no lock is read); the
 * mutation answers with it, so the page shows what was stored.
 */
export const AdminNotificationPreferencesFields = graphql(`
  fragment AdminNotificationPreferencesFields on NotificationPreferences {
    smsNumber
    pushSubscriptions
    categories {
      category
      email
      sms
      push
    }
  }
`);

export const AdminNotificationSettingsQuery = graphql(`
  query AdminNotificationSettings {
    me {
      id
      notificationPreferences {
        ...AdminNotificationPreferencesFields
      }
    }
  }
`);

/** One change: a channel of STOCK_ALERTS, or the SMS number; what is left out keeps its value. */
export const AdminUpdateNotificationPreferencesMutation = graphql(`
  mutation AdminUpdateNotificationPreferences($input: UpdateNotificationPreferencesInput!) {
    updateNotificationPreferences(input: $input) {
      ...AdminNotificationPreferencesFields
    }
  }
`);
