import { createEventEntities } from '@techally/events';
import { AddressEntity } from './address/address.entity';
import { ApiKeyEntity } from './api-key/api-key.entity';
import { RefreshTokenEntity } from './session/refresh-token.entity';
import { LoginAttemptCounterEntity } from './user/login-attempt.entity';
import { UserEntity } from './user/user.entity';

/** Every table the users subgraph owns, for its ORM and its migrations: its own, and the outbox/inbox (issue #14). */
export const USERS_ENTITIES = [
  UserEntity,
  AddressEntity,
  RefreshTokenEntity,
  LoginAttemptCounterEntity,
  ApiKeyEntity,
  ...createEventEntities(),
];
