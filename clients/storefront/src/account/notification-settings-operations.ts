import { graphql } from '../gql';

/** What the settings show; every mutation here answers with it, so the form shows what was stored. */
export const StorefrontNotificationPreferencesFieldsFragment = graphql(`
  fragment StorefrontNotificationPreferencesFields on NotificationPreferences {
    categories {
      category
      email
      sms
      push
      emailLocked
      lockedReason
    }
    smsNumber
    pushSubscriptions
  }
`);

/** The signed-in shopper's choices, and this shop's VAPID public key for push (null: it sends no push). */
export const StorefrontNotificationSettingsQuery = graphql(`
  query StorefrontNotificationSettings {
    me {
      id
      notificationPreferences {
        ...StorefrontNotificationPreferencesFields
      }
    }
    pushPublicKey
  }
`);

/** One change: a channel of a category, or the SMS number; what is left out keeps its value. */
export const StorefrontUpdateNotificationPreferencesMutation = graphql(`
  mutation StorefrontUpdateNotificationPreferences($input: UpdateNotificationPreferencesInput!) {
    updateNotificationPreferences(input: $input) {
      ...StorefrontNotificationPreferencesFields
    }
  }
`);

export const StorefrontRegisterPushSubscriptionMutation = graphql(`
  mutation StorefrontRegisterPushSubscription($subscription: PushSubscriptionInput!) {
    registerPushSubscription(subscription: $subscription) {
      ...StorefrontNotificationPreferencesFields
    }
  }
`);

export const StorefrontUnregisterPushSubscriptionMutation = graphql(`
  mutation StorefrontUnregisterPushSubscription($endpoint: String!) {
    unregisterPushSubscription(endpoint: $endpoint) {
      ...StorefrontNotificationPreferencesFields
    }
  }
`);
