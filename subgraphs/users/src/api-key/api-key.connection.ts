import { PageInfo } from '@techally/platform';
import { Field, Int, ObjectType } from 'type-graphql';
import { ApiKey } from './api-key.type';

@ObjectType('ApiKeyEdge')
export class ApiKeyEdge {
  @Field({ description: 'Opaque; pass as `after` to continue after this key.' })
  cursor!: string;

  @Field(() => ApiKey)
  node!: ApiKey;
}

@ObjectType('ApiKeyConnection', { description: 'A page of API keys (Relay connection), oldest first.' })
export class ApiKeyConnection {
  @Field(() => [ApiKeyEdge])
  edges!: ApiKeyEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'All keys the filter lets through, whatever the page.' })
  totalCount!: number;
}
