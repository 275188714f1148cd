import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { NotificationsContext } from '../context';
import { UserRef } from '../user/user.type';
import { NotificationConnection, NotificationType, notificationOf } from './notification.type';

@ArgsType()
export class NotificationListArgs {
  @Field(() => Int, { nullable: true, description: 'At most 100; 20 when omitted.' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'A cursor from a previous page.' })
  after?: string | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: 'Only the ones not marked read yet.' })
  unreadOnly?: boolean | null;
}

/** `User.notifications` and `markNotificationsRead`: thin, the service decides. */
@Resolver(() => UserRef)
export class NotificationResolver {
  @FieldResolver(() => NotificationConnection, {
    description: 'Your in-app notifications, newest first. For the user themself only (FORBIDDEN otherwise, administrators included).',
  })
  async notifications(
    @Root() user: UserRef,
    @Args(() => NotificationListArgs) args: NotificationListArgs,
    @Ctx() { notifications }: NotificationsContext,
  ): Promise<NotificationConnection> {
    return new NotificationConnection(notifications.ofUser(user.id, args));
  }

  @Mutation(() => [NotificationType], {
    description: 'Marks your notifications with these ids read (1 to 100 ids) and returns them; ids that are not yours are left out.',
  })
  async markNotificationsRead(
    @Arg('ids', () => [ID]) ids: string[],
    @Ctx() { notifications }: NotificationsContext,
  ): Promise<NotificationType[]> {
    return (await notifications.markRead(ids)).map(notificationOf);
  }
}
