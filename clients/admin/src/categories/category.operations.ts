import { useQuery } from 'urql';
import { graphql } from '../gql';

export const AdminCategoriesQuery = graphql(`
  query AdminCategories {
    categories {
      id
      name
      slug
      productCount
      parent {
        id
      }
      path {
        id
        name
      }
    }
  }
`);

export const AdminCreateCategoryMutation = graphql(`
  mutation AdminCreateCategory($input: CreateCategoryInput!) {
    createCategory(input: $input) {
      id
      name
      slug
    }
  }
`);

/** Every category in tree order, each with the label a select shows (`Audio › Headphones`). */
export function useCategoryOptions() {
  const [{ data, error, fetching }] = useQuery({ query: AdminCategoriesQuery });
  const options = (data?.categories ?? []).map((category) => ({
    id: category.id,
    label: category.path.map((step) => step.name).join(' › ') || category.name,
  }));
  return { options, error, fetching };
}
