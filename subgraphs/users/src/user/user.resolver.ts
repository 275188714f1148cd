import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { UsersContext } from '../context';
import { UserConnection } from './user.connection';
import type { UserEntity } from './user.entity';
import { UpdateProfileInput } from './user.inputs';
import type { UserPage } from './user.service';
import { User } from './user.type';

@Resolver(() => User)
export class UserResolver {
  @Query(() => User, { nullable: true, description: 'The signed-in user; null when anonymous.' })
  me(@Ctx() ctx: UsersContext): Promise<UserEntity | null> {
    return ctx.users.me(ctx.viewer);
  }

  @Query(() => User, { nullable: true, description: 'A user, for themself or an administrator (FORBIDDEN otherwise).' })
  user(@Arg('id', () => ID) id: string, @Ctx() ctx: UsersContext): Promise<UserEntity | null> {
    return ctx.users.user(ctx.viewer, id);
  }

  @Query(() => UserConnection, { description: 'Every user, oldest first. Administrators only.' })
  users(
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 1 to 100 (default 20).' }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: UsersContext,
  ): Promise<UserPage> {
    return ctx.users.list(ctx.viewer, first, after);
  }

  @Mutation(() => User, { description: 'Changes the signed-in user\'s name and/or email.' })
  updateProfile(@Arg('input', () => UpdateProfileInput) input: UpdateProfileInput, @Ctx() ctx: UsersContext): Promise<UserEntity> {
    return ctx.users.updateProfile(ctx.viewer, input);
  }

  @FieldResolver()
  email(@Root() user: UserEntity, @Ctx() ctx: UsersContext): string {
    ctx.users.assertCanSeePrivate(ctx.viewer, user.id);
    return user.email;
  }
}
