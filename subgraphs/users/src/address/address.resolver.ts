import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { UsersContext } from '../context';
import type { AddressEntity } from './address.entity';
import { AddAddressInput, UpdateAddressInput } from './address.inputs';
import { Address } from './address.type';

/** The signed-in user's address book; every mutation acts on the viewer's own addresses only. */
@Resolver(() => Address)
export class AddressResolver {
  @Mutation(() => Address)
  addAddress(@Arg('input', () => AddAddressInput) input: AddAddressInput, @Ctx() ctx: UsersContext): Promise<AddressEntity> {
    return ctx.addresses.add(ctx.viewer, input);
  }

  @Mutation(() => Address)
  updateAddress(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateAddressInput) input: UpdateAddressInput,
    @Ctx() ctx: UsersContext,
  ): Promise<AddressEntity> {
    return ctx.addresses.update(ctx.viewer, id, input);
  }

  @Mutation(() => Boolean, { description: 'Deletes the address; when it was the default, the newest other one becomes it.' })
  deleteAddress(@Arg('id', () => ID) id: string, @Ctx() ctx: UsersContext): Promise<boolean> {
    return ctx.addresses.remove(ctx.viewer, id);
  }

  @Mutation(() => Address)
  setDefaultAddress(@Arg('id', () => ID) id: string, @Ctx() ctx: UsersContext): Promise<AddressEntity> {
    return ctx.addresses.setDefault(ctx.viewer, id);
  }
}
