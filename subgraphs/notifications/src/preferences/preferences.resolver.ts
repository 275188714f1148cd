import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { NotificationsContext } from '../context';
import { UserRef } from '../user/user.type';
import {
  NotificationPreferencesType,
  preferencesOf,
  PushSubscriptionInput,
  UpdateNotificationPreferencesInput,
} from './preferences.type';

/** `User.notificationPreferences`, its mutation and the push subscriptions: thin, the service decides. */
@Resolver(() => UserRef)
export class PreferencesResolver {
  @FieldResolver(() => NotificationPreferencesType, {
    description: 'What you hear and where. For the user themself only (FORBIDDEN otherwise, administrators included).',
  })
  async notificationPreferences(@Root() user: UserRef, @Ctx() { preferences }: NotificationsContext): Promise<NotificationPreferencesType> {
    return preferencesOf(await preferences.of(user.id));
  }

  @Mutation(() => NotificationPreferencesType, {
    description: 'Changes your notification preferences: only the categories given, and `smsNumber` if given. Email for ORDER_UPDATES cannot be switched off.',
  })
  async updateNotificationPreferences(
    @Arg('input', () => UpdateNotificationPreferencesInput) input: UpdateNotificationPreferencesInput,
    @Ctx() { preferences }: NotificationsContext,
  ): Promise<NotificationPreferencesType> {
    return preferencesOf(await preferences.update(input));
  }

  @Mutation(() => NotificationPreferencesType, {
    description: "Registers this browser's push subscription for you (again: its keys are updated). Then switch push on per category.",
  })
  async registerPushSubscription(
    @Arg('subscription', () => PushSubscriptionInput) subscription: PushSubscriptionInput,
    @Ctx() { preferences }: NotificationsContext,
  ): Promise<NotificationPreferencesType> {
    return preferencesOf(await preferences.registerPush(subscription));
  }

  @Mutation(() => NotificationPreferencesType, { description: 'Forgets your push subscription at this endpoint (an unknown one is no error).' })
  async unregisterPushSubscription(
    @Arg('endpoint', () => String) endpoint: string,
    @Ctx() { preferences }: NotificationsContext,
  ): Promise<NotificationPreferencesType> {
    return preferencesOf(await preferences.unregisterPush(endpoint));
  }

  @Query(() => String, {
    nullable: true,
    description: "The VAPID public key (base64url) a browser subscribes with (`applicationServerKey`); null when this server sends no push.",
  })
  pushPublicKey(@Ctx() { pushPublicKey }: NotificationsContext): string | null {
    return pushPublicKey;
  }
}
