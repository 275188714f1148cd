import type { EntityManager } from '@mikro-orm/postgresql';
import {
  authenticate,
  clientAddressOf,
  createEntityLoader,
  type AccessTokenVerifier,
  type ApiKeyRevocations,
  type Logger,
  type RequestInfo,
  type SubgraphOrm,
  type Viewer,
} from '@techally/platform';
import type DataLoader from 'dataloader';
import { createAddressesByUserLoader } from './address/address.loader';
import type { AddressEntity } from './address/address.entity';
import { AddressService } from './address/address.service';
import { ApiKeyService } from './api-key/api-key.service';
import type { AccessTokenIssuer } from './session/access-token.issuer';
import { SessionService } from './session/session.service';
import { CredentialsService } from './user/credentials.service';
import type { LoginThrottlePolicy } from './user/login-throttle.policy';
import { LoginThrottle } from './user/login-throttle.service';
import type { PasswordHasher } from './user/password.hasher';
import { UserEntity } from './user/user.entity';
import { UserRepository } from './user/user.repository';
import { UserService } from './user/user.service';

/** What lives as long as the subgraph and every request shares (built once in app.ts). */
export interface UsersRuntime {
  readonly orm: SubgraphOrm;
  readonly verifier: AccessTokenVerifier;
  readonly hasher: PasswordHasher;
  readonly accessTokens: AccessTokenIssuer;
  readonly loginThrottle: LoginThrottlePolicy;
  readonly refreshTokenTtlDays: number;
  readonly clock: () => Date;
  /** Where rotations and revocations of API keys are announced to the gateways. */
  readonly apiKeyRevocations: ApiKeyRevocations;
  readonly logger: Logger;
}

export interface UsersLoaders {
  readonly userById: DataLoader<string, UserEntity | null>;
  readonly addressesByUser: DataLoader<string, AddressEntity[]>;
}

/** The GraphQL context of one request: everything a resolver may use, nothing from module scope. */
export interface UsersContext extends RequestInfo {
  readonly em: EntityManager;
  /**
   * Who is asking (from the verified access token). Mutable for one reason: once signUp, logIn or
   * refreshSession succeeds, the rest of that operation acts as that user, so `signUp { user { email } }`
   * answers.
   */
  viewer: Viewer | null;
  readonly loaders: UsersLoaders;
  readonly users: UserService;
  readonly addresses: AddressService;
  readonly sessions: SessionService;
  readonly apiKeys: ApiKeyService;
}

/**
 * Builds a request's context: verifies the bearer token (a bad one answers UNAUTHENTICATED before anything
 * runs), forks an EntityManager, creates the request's DataLoaders and services over them.
 */
export async function createUsersContext(runtime: UsersRuntime, request: RequestInfo): Promise<UsersContext> {
  const viewer = await authenticate(runtime.verifier, request.headers);
  const em = runtime.orm.em.fork() as EntityManager;
  const loaders: UsersLoaders = {
    userById: createEntityLoader(em, UserEntity, 'id'),
    addressesByUser: createAddressesByUserLoader(em),
  };
  const repository = new UserRepository(em);
  const users = new UserService(repository, loaders.userById, runtime.hasher, { requestId: request.requestId });
  const throttle = new LoginThrottle(em, runtime.loginThrottle, runtime.clock);
  const client = clientAddressOf(request.headers, request.remoteAddress, runtime.loginThrottle.trustedProxies);
  const credentials = new CredentialsService(em, repository, runtime.hasher, throttle, client);
  return {
    ...request,
    em,
    viewer,
    loaders,
    users,
    addresses: new AddressService(em, loaders.addressesByUser, users),
    sessions: new SessionService({
      em,
      users,
      credentials,
      accessTokens: runtime.accessTokens,
      refreshTokenTtlDays: runtime.refreshTokenTtlDays,
      clock: runtime.clock,
    }),
    apiKeys: createApiKeyService(runtime, em, users),
  };
}

/** The API-key use cases over an EntityManager: a request's, or a fresh fork for each gateway lookup. */
export function createApiKeyService(runtime: UsersRuntime, em: EntityManager, users?: UserService): ApiKeyService {
  return new ApiKeyService({
    em,
    users: users ?? new UserService(new UserRepository(em), createEntityLoader(em, UserEntity, 'id'), runtime.hasher),
    revocations: runtime.apiKeyRevocations,
    clock: runtime.clock,
    logger: runtime.logger,
  });
}
