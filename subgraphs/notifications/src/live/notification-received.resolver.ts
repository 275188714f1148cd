import { requireViewer } from '@techally/platform';
import { Resolver, Root, Subscription } from 'type-graphql';
import type { NotificationsContext } from '../context';
import { NotificationType, notificationOf } from '../notification/notification.type';
import type { NotificationMessage } from './notification-received.topic';

/**
 * `notificationReceived`: the signed-in user's own new notifications, live. Who is checked once, when the
 * subscription starts (the viewer's own channel, nobody else's can be named); every event then runs with a fresh
 * context, so an expired token ends it with UNAUTHENTICATED (platform/subscriptions).
 */
@Resolver(() => NotificationType)
export class NotificationReceivedResolver {
  @Subscription(() => NotificationType, {
    description:
      'Each of your new in-app notifications as it is written, from now on (UNAUTHENTICATED when signed out). ' +
      'Earlier ones are not replayed: read `me { notifications }` first.',
    subscribe: ({ context }) => {
      const { viewer, notificationFeed } = context as NotificationsContext;
      return notificationFeed.watch(requireViewer(viewer).userId);
    },
  })
  notificationReceived(@Root() message: NotificationMessage): NotificationType {
    return notificationOf(message);
  }
}
