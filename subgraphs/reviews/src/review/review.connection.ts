import { PageInfo, pageInfo, CACHE_INHERIT } from '@techally/platform';
import { Directive, Field, Int, ObjectType } from 'type-graphql';
import type { Review } from './review.entity';
import type { ReviewPage } from './review-list.service';
import { ReviewType } from './review.type';

@ObjectType('ReviewEdge')
@Directive(CACHE_INHERIT)
export class ReviewEdge {
  @Field({ description: 'Opaque; pass as `after` to continue after this review.' })
  cursor!: string;

  @Field(() => ReviewType)
  node!: Review;
}

/** A Relay connection over reviews, newest first. */
@ObjectType('ReviewConnection', { description: 'A page of reviews (Relay connection), newest first.' })
@Directive(CACHE_INHERIT)
export class ReviewConnection {
  @Field(() => [ReviewEdge])
  readonly edges: ReviewEdge[];

  @Field(() => PageInfo)
  readonly pageInfo: PageInfo;

  private readonly countTotal: () => Promise<number>;

  constructor(edges: ReviewEdge[], pageInfo: PageInfo, countTotal: () => Promise<number>) {
    this.edges = edges;
    this.pageInfo = pageInfo;
    this.countTotal = countTotal;
  }

  /** A method, not a value: the count is loaded (batched) only for clients that select the field. */
  @Field(() => Int, { description: 'Reviews in this list, across all pages.' })
  totalCount(): Promise<number> {
    return this.countTotal();
  }
}

/** The connection of a page of reviews (edges, PageInfo from the edges' cursors, the lazy count). */
export function reviewConnection(page: ReviewPage): ReviewConnection {
  const edges = [...page.edges];
  return new ReviewConnection(
    edges,
    pageInfo(edges, page.hasNextPage, page.hasPreviousPage, (edge) => edge.cursor),
    page.totalCount,
  );
}
