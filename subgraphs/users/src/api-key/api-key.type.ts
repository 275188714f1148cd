import { CACHE_NEVER } from '@techally/platform';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { User } from '../user/user.type';
import { RateTier } from './rate-tier';

export enum ApiKeyStatus {
  ACTIVE = 'ACTIVE',
  EXPIRED = 'EXPIRED',
  REVOKED = 'REVOKED',
}

registerEnumType(ApiKeyStatus, { name: 'ApiKeyStatus', description: 'Whether the gateway accepts the key now.' });

/** A partner API key as administrators see it: never its secret (shown once, by IssuedApiKey). */
@ObjectType('ApiKey', { description: 'A partner API key (administrators only). The secret itself is never shown again.' })
@Directive(CACHE_NEVER)
export class ApiKey {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field({ description: 'The start of the secret (`tak_live_ab12cd`), to recognise the key; not usable as a key.' })
  prefix!: string;

  @Field(() => User, { description: 'The user the key was issued to.' })
  owner!: User;

  @Field(() => RateTier)
  tier!: RateTier;

  @Field(() => ApiKeyStatus)
  status!: ApiKeyStatus;

  @Field(() => Date)
  expiresAt!: Date;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When the current secret replaced the previous one.' })
  rotatedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  revokedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'Last seen at the gateway (to the minute; lookups are cached up to 30 s).' })
  lastUsedAt!: Date | null;
}

@ObjectType('IssuedApiKey', { description: 'A key and its secret: the only time the secret is shown. Store it now.' })
@Directive(CACHE_NEVER)
export class IssuedApiKey {
  @Field(() => ApiKey)
  apiKey!: ApiKey;

  @Field({ description: 'The key to send as `x-api-key`. Not stored (only its SHA-256), so it cannot be shown again.' })
  secret!: string;
}
