import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { UsersContext } from '../context';
import type { UserEntity } from '../user/user.entity';
import { User } from '../user/user.type';
import type { AddressEntity } from './address.entity';

/** `User.addresses`: lives with the address domain, which owns the rows and their loader. */
@Resolver(() => User)
export class UserAddressesResolver {
  @FieldResolver()
  addresses(@Root() user: UserEntity, @Ctx() ctx: UsersContext): Promise<AddressEntity[]> {
    return ctx.addresses.addressesOf(ctx.viewer, user.id);
  }
}
