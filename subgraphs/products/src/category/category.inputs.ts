import { Field, ID, InputType } from 'type-graphql';
import type { NewCategory } from './category.service';

@InputType('CreateCategoryInput')
export class CreateCategoryInput implements NewCategory {
  @Field()
  name!: string;

  @Field(() => ID, { nullable: true, description: 'The parent category; omitted for a new root.' })
  parentId?: string | null;

  @Field(() => String, { nullable: true, description: 'Generated from the name when omitted.' })
  slug?: string | null;
}
