import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { UsersContext } from '../context';
import type { UserEntity } from '../user/user.entity';
import { ApiKeyConnection } from './api-key.connection';
import type { ApiKeyEntity } from './api-key.entity';
import { CreateApiKeyInput } from './api-key.inputs';
import type { ApiKeyPage, IssuedKey } from './api-key.service';
import { ApiKey, ApiKeyStatus, IssuedApiKey } from './api-key.type';

/** Partner API keys, administrators only (FORBIDDEN for anyone else, UNAUTHENTICATED when anonymous). */
@Resolver(() => ApiKey)
export class ApiKeyResolver {
  @Query(() => ApiKeyConnection, { description: 'Every partner API key, oldest first, without secrets. Administrators only.' })
  apiKeys(
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 1 to 100 (default 20).' }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: UsersContext,
  ): Promise<ApiKeyPage> {
    return ctx.apiKeys.list(ctx.viewer, first, after);
  }

  @Mutation(() => IssuedApiKey, { description: 'Issues a partner API key. The secret is in this answer only. Administrators only.' })
  createApiKey(@Arg('input', () => CreateApiKeyInput) input: CreateApiKeyInput, @Ctx() ctx: UsersContext): Promise<IssuedKey> {
    return ctx.apiKeys.create(ctx.viewer, input);
  }

  @Mutation(() => IssuedApiKey, {
    description: 'A new secret for the key; the old one is refused at once by every gateway. Administrators only.',
  })
  rotateApiKey(@Arg('id', () => ID) id: string, @Ctx() ctx: UsersContext): Promise<IssuedKey> {
    return ctx.apiKeys.rotate(ctx.viewer, id);
  }

  @Mutation(() => ApiKey, { description: 'Revokes the key for good, at once on every gateway. Administrators only.' })
  revokeApiKey(@Arg('id', () => ID) id: string, @Ctx() ctx: UsersContext): Promise<ApiKeyEntity> {
    return ctx.apiKeys.revoke(ctx.viewer, id);
  }

  @FieldResolver(() => ApiKeyStatus)
  status(@Root() key: ApiKeyEntity, @Ctx() ctx: UsersContext): ApiKeyStatus {
    return ctx.apiKeys.statusOf(key);
  }

  @FieldResolver()
  async owner(@Root() key: ApiKeyEntity, @Ctx() ctx: UsersContext): Promise<UserEntity> {
    const owner = await ctx.users.byId(key.owner.id);
    // The foreign key cascades: a key never outlives its owner.
    if (!owner) throw new Error(`API key ${key.id} has no owner ${key.owner.id}`);
    return owner;
  }
}
