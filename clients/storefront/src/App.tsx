import { useQuery } from 'urql';
import { graphql } from './gql';

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

/** The shop. (Skeleton: the catalogue is issue #12's work.) */
export function App() {
  const [{ data, fetching, error }] = useQuery({ query: StorefrontProductsQuery, variables: { first: 20 } });
  return (
    <main>
      <h1>TechAlly</h1>
      {fetching && <p role="status">Loading products…</p>}
      {error && <p role="alert">{error.message}</p>}
      <ul aria-label="Products">
        {data?.products.edges.map(({ node }) => (
          <li key={node.id}>{node.name}</li>
        ))}
      </ul>
    </main>
  );
}
