import { graphql } from 'graphql';
import { buildReviewsSchema } from '..';

// buildReviewsSchema needs no database and no configuration: the compose script prints SDL from it.
describe('the reviews subgraph schema', () => {
  let sdl: string;

  beforeAll(async () => {
    // What the composition tooling reads: the subgraph's own `_service.sdl`.
    const result = await graphql({ schema: await buildReviewsSchema(), source: '{ _service { sdl } }' });
    sdl = (result.data as { _service: { sdl: string } })._service.sdl;
  });

  it('keys Review by id and extends Product and User by their id', () => {
    expect(sdl).toMatch(/type Review\s+@key\(fields: "id"\)/);
    expect(sdl).toMatch(/type Product\s+@key\(fields: "id"\)/);
    expect(sdl).toMatch(/type User\s+@key\(fields: "id"\)/);
  });

  it('describes a review as the contract says', () => {
    for (const field of ['rating: Int!', 'title: String!', 'body: String!', 'author: User!', 'product: Product!', 'createdAt: DateTime!', 'updatedAt: DateTime!']) {
      expect(sdl).toContain(field);
    }
  });

  it('tells whether the author bought the product, and says how it knows', () => {
    expect(sdl).toMatch(/"""\s*True only when the review's author bought the product[^"]*order-paid events[^"]*"""\s*verifiedPurchase: Boolean!/);
  });

  it('adds paged reviews to Product and User, and a partner-tagged rating to Product', () => {
    expect(sdl.match(/reviews\(\s*"""[^"]*"""\s*first: Int = 10\s*"""[^"]*"""\s*after: String\s*\): ReviewConnection!/g)).toHaveLength(2);
    expect(sdl).toContain('rating: ProductRating! @tag(name: "partner")');
    expect(sdl).toMatch(/type ProductRating\s+@cacheControl\(inheritMaxAge: true\)\s*\{[^}]*average: Float @tag\(name: "partner"\)[^}]*count: Int! @tag\(name: "partner"\)/);
    expect(sdl).toMatch(/type ReviewConnection\s+@cacheControl\(inheritMaxAge: true\)\s*\{[^}]*edges: \[ReviewEdge!\]![^}]*pageInfo: PageInfo![^}]*totalCount: Int!/);
    expect(sdl).toMatch(/type PageInfo\s+@shareable/);
  });

  it('offers the review query and mutations', () => {
    expect(sdl).toContain('review(id: ID!): Review');
    expect(sdl).toContain('addReview(input: AddReviewInput!): Review!');
    expect(sdl).toContain('updateReview(id: ID!, input: UpdateReviewInput!): Review!');
    expect(sdl).toContain('deleteReview(id: ID!): Boolean!');
    expect(sdl).toMatch(/moderateReview\(\s*id: ID!\s*"""[^"]*"""\s*hidden: Boolean!\s*"""[^"]*"""\s*reason: String\s*\): Review!/);
  });
});
