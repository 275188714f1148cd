import { useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { AdminCreateProductMutation } from './product.operations';
import { ProductForm } from './ProductForm';

const EMPTY = { sku: '', name: '', slug: '', description: '', price: { amount: 0, currency: 'USD' }, categoryId: '', weight: 0 };

/** A new product; once created, its editor (stock starts at zero: adjust it there). */
export function ProductNewPage() {
  const [, create] = useMutation(AdminCreateProductMutation);
  const navigate = useNavigate();
  return (
    <section aria-labelledby="new-product-title" className="narrow">
      <h1 id="new-product-title">New product</h1>
      <ProductForm
        initial={EMPTY}
        withSkuAndPrice
        submitLabel="Create product"
        onSubmit={async (values) => {
          const { slug, ...rest } = values;
          const result = await create({ input: { ...rest, ...(slug ? { slug } : {}) } });
          if (result.data) navigate(`/products/${result.data.createProduct.id}`);
          return result.error;
        }}
      />
    </section>
  );
}
