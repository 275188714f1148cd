import { CACHE_PRIVATE } from '@techally/platform';
import { Directive, Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { NotificationCategory } from './notification-category';
import type { CategoryPreference, Preferences } from './preference.service';

/** notification-category.ts's union as an enum object, for the schema. */
export const NotificationCategoryEnum: { readonly [C in NotificationCategory]: C } = {
  ORDER_UPDATES: 'ORDER_UPDATES',
  REVIEWS: 'REVIEWS',
  STOCK_ALERTS: 'STOCK_ALERTS',
  MARKETING: 'MARKETING',
};

registerEnumType(NotificationCategoryEnum, {
  name: 'NotificationCategory',
  description: 'What a notification is about, as you choose what to hear and where.',
  valuesConfig: {
    ORDER_UPDATES: { description: 'Receipts and the state of your orders and payments. Transactional: always emailed.' },
    REVIEWS: { description: 'A moderator hid or restored one of your reviews.' },
    STOCK_ALERTS: { description: 'Low stock (administrators only).' },
    MARKETING: { description: 'Recommendations and offers; off unless you opt in.' },
  },
});

@ObjectType('NotificationCategoryPreference', { description: 'Where one category of notifications reaches you, besides in the app.' })
export class NotificationCategoryPreferenceType {
  @Field(() => NotificationCategoryEnum)
  category!: NotificationCategory;

  @Field({ description: 'By email, to the address of your account.' })
  email!: boolean;

  @Field({ description: 'By SMS, to `smsNumber`.' })
  sms!: boolean;

  @Field({ description: 'By push, to every browser you registered.' })
  push!: boolean;

  @Field({ description: 'True when email cannot be switched off for this category (`lockedReason` says why).' })
  emailLocked!: boolean;

  @Field(() => String, { nullable: true, description: 'Why email is locked on; null when it is not.' })
  lockedReason!: string | null;
}

@ObjectType('NotificationPreferences', { description: 'Your choices of what to hear and where. In-app notifications always appear.' })
@Directive(CACHE_PRIVATE)
export class NotificationPreferencesType {
  @Field(() => [NotificationCategoryPreferenceType], { description: 'Every category you can choose for (STOCK_ALERTS for administrators only).' })
  categories!: NotificationCategoryPreferenceType[];

  @Field(() => String, { nullable: true, description: 'Where SMS go, in E.164 (+4915112345678); null: no SMS.' })
  smsNumber!: string | null;

  @Field(() => Int, { description: 'How many browsers you registered for push notifications.' })
  pushSubscriptions!: number;
}

export function preferencesOf(preferences: Preferences): NotificationPreferencesType {
  return Object.assign(new NotificationPreferencesType(), {
    categories: preferences.categories.map((category: CategoryPreference) => Object.assign(new NotificationCategoryPreferenceType(), category)),
    smsNumber: preferences.smsNumber,
    pushSubscriptions: preferences.pushSubscriptions,
  });
}

@InputType('NotificationCategoryPreferenceInput', { description: 'A change to one category; a channel left out keeps its choice.' })
export class NotificationCategoryPreferenceInput {
  @Field(() => NotificationCategoryEnum)
  category!: NotificationCategory;

  @Field(() => Boolean, { nullable: true, description: 'Cannot be false for ORDER_UPDATES (BAD_USER_INPUT).' })
  email?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'True needs an `smsNumber` (given now or set before).' })
  sms?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  push?: boolean | null;
}

@InputType('UpdateNotificationPreferencesInput', { description: 'Only what is given changes.' })
export class UpdateNotificationPreferencesInput {
  @Field(() => [NotificationCategoryPreferenceInput], { nullable: true, description: 'The categories to change; the others stay as they are.' })
  categories?: NotificationCategoryPreferenceInput[] | null;

  @Field(() => String, { nullable: true, description: 'E.164 (spaces and dashes are forgiven); null clears it; left out, it stays.' })
  smsNumber?: string | null;
}

@InputType('PushSubscriptionKeysInput')
export class PushSubscriptionKeysInput {
  @Field({ description: "The browser's P-256 public key, base64url." })
  p256dh!: string;

  @Field({ description: 'The 16-byte authentication secret, base64url.' })
  auth!: string;
}

@InputType('PushSubscriptionInput', { description: "A browser's push subscription, as `PushSubscription.toJSON()` gives it." })
export class PushSubscriptionInput {
  @Field({ description: "The push service's URL for this browser (https)." })
  endpoint!: string;

  @Field(() => PushSubscriptionKeysInput)
  keys!: PushSubscriptionKeysInput;
}
