import { requireAdmin } from '@techally/platform';
import { Ctx, Field, Int, Mutation, ObjectType, Resolver } from 'type-graphql';
import type { AnalyticsContext } from '../context';

@ObjectType({ description: 'What a rebuild of the analytics read model did.' })
export class AnalyticsRebuild {
  @Field(() => Int, { description: 'Events replayed into the new read model.' })
  events!: number;

  @Field(() => Int, { description: 'Entries of the streams passed over (other types, malformed).' })
  skipped!: number;

  @Field(() => Int, { description: 'Of the events, those that arrived during the rebuild and were applied just before the swap.' })
  caughtUp!: number;

  @Field(() => Int)
  durationMs!: number;
}

@Resolver()
export class RebuildResolver {
  @Mutation(() => AnalyticsRebuild, {
    description:
      'Rebuilds the analytics read model by replaying the retained event streams into shadow tables, then swaps them in at once; reports keep answering from the old tables meanwhile. Administrators only.',
  })
  async rebuildAnalytics(@Ctx() context: AnalyticsContext): Promise<AnalyticsRebuild> {
    requireAdmin(context.viewer);
    const result = await context.rebuild();
    return Object.assign(new AnalyticsRebuild(), result);
  }
}
