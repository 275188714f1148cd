import { Field, ObjectType } from 'type-graphql';
import { User } from '../user/user.type';

@ObjectType('AuthPayload', { description: 'A new session, or the next tokens of one.' })
export class AuthPayload {
  @Field({ description: 'ES256 JWT for `Authorization: Bearer …`; short-lived.' })
  accessToken!: string;

  @Field(() => Date)
  accessTokenExpiresAt!: Date;

  @Field({ description: 'Opaque, single use: exchange it with refreshSession for the next pair; keep it secret.' })
  refreshToken!: string;

  @Field(() => User)
  user!: User;
}
