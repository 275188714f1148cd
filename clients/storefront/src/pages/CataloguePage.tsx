import { useQuery } from 'urql';
import { graphql } from '../gql';

const StorefrontProductsQuery = graphql(`
  query StorefrontProducts($first: Int!) {
    products(first: $first) {
      edges {
        node {
          id
          name
          slug
        }
      }
    }
  }
`);

/** The catalogue. (Skeleton, issue #12: categories, filters, sort, search.) */
export function CataloguePage() {
  const [{ data, fetching, error }] = useQuery({ query: StorefrontProductsQuery, variables: { first: 20 } });
  return (
    <>
      <h1>Products</h1>
      {fetching && <p role="status">Loading products…</p>}
      {error && <p role="alert">{error.message}</p>}
      <ul aria-label="Products">
        {data?.products.edges.map(({ node }) => (
          <li key={node.id}>{node.name}</li>
        ))}
      </ul>
    </>
  );
}
