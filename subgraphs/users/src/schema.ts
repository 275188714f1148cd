import { buildFederatedSchema, type ReferenceResolvers } from '@techally/platform';
import type { GraphQLSchema } from 'graphql';
import { AddressResolver } from './address/address.resolver';
import { UserAddressesResolver } from './address/user-addresses.resolver';
import { ApiKeyResolver } from './api-key/api-key.resolver';
import { SessionResolver } from './session/session.resolver';
import { resolveUserReference } from './user/user.reference';
import { UserResolver } from './user/user.resolver';

/**
 * The users subgraph's federated schema. Needs no database and no configuration — every runtime dependency
 * reaches resolvers through the context — so the compose script can print the SDL from it.
 */
export function buildUsersSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [UserResolver, UserAddressesResolver, AddressResolver, SessionResolver, ApiKeyResolver],
    referenceResolvers: { User: resolveUserReference } as ReferenceResolvers,
  });
}
