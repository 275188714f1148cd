import { PageInfo } from '@techally/platform';
import { Field, Int, ObjectType } from 'type-graphql';
import { User } from './user.type';

@ObjectType('UserEdge')
export class UserEdge {
  @Field({ description: 'Opaque; pass as `after` to continue after this user.' })
  cursor!: string;

  @Field(() => User)
  node!: User;
}

@ObjectType('UserConnection', { description: 'A page of users (Relay connection), oldest account first.' })
export class UserConnection {
  @Field(() => [UserEdge])
  edges!: UserEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'All users, whatever the page.' })
  totalCount!: number;
}
