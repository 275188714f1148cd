import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { UsersContext } from '../context';
import { SignUpInput } from '../user/user.inputs';
import type { AuthSession } from './session.service';
import { AuthPayload } from './session.type';

@Resolver(() => AuthPayload)
export class SessionResolver {
  @Mutation(() => AuthPayload, { description: 'Creates a customer account and signs it in.' })
  async signUp(@Arg('input', () => SignUpInput) input: SignUpInput, @Ctx() ctx: UsersContext): Promise<AuthSession> {
    return actAs(ctx, await ctx.sessions.signUp(input));
  }

  @Mutation(() => AuthPayload, {
    description:
      'INVALID_CREDENTIALS on failure (the same for an unknown email). LOGIN_THROTTLED with extensions.retryAfterSeconds when ' +
      'this client tried too often and must wait that long first; accounts are never locked.',
  })
  async logIn(
    @Arg('email') email: string,
    @Arg('password') password: string,
    @Ctx() ctx: UsersContext,
  ): Promise<AuthSession> {
    return actAs(ctx, await ctx.sessions.logIn(email, password));
  }

  @Mutation(() => AuthPayload, { description: 'Exchanges a refresh token (single use) for new tokens.' })
  async refreshSession(@Arg('refreshToken') refreshToken: string, @Ctx() ctx: UsersContext): Promise<AuthSession> {
    return actAs(ctx, await ctx.sessions.refresh(refreshToken));
  }

  @Mutation(() => Boolean, { description: 'Ends the session of this refresh token (all its rotations); false if unknown.' })
  logOut(@Arg('refreshToken') refreshToken: string, @Ctx() ctx: UsersContext): Promise<boolean> {
    return ctx.sessions.logOut(refreshToken);
  }
}

/** The rest of the operation acts as the user who just proved who they are (see UsersContext.viewer). */
function actAs(ctx: UsersContext, session: AuthSession): AuthSession {
  ctx.viewer = { userId: session.user.id, roles: session.user.roles };
  return session;
}
