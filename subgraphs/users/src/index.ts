/**
 * @techally/users — the users subgraph: accounts, addresses, sessions (access and refresh tokens) and the
 * JWKS the rest of the graph verifies access tokens with. See README.md.
 */
// The platform loads reflect-metadata, which type-graphql's decorators need before any of them runs.
import '@techally/platform';

export { createUsersSubgraph, type UsersSubgraph, type UsersSubgraphOptions } from './app';
export { loadUsersConfig, type UsersConfig, type AccessTokenSettings } from './config';
export { buildUsersSchema } from './schema';
export { DEMO_CUSTOMERS } from '@techally/demo-data';
export { JWKS_PATH } from './session/jwks.route';
