import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { AddToCart } from '../components/AddToCart';
import { Breadcrumb } from '../components/Breadcrumb';
import { ProductImage } from '../components/ProductImage';
import { AlsoBought, useProductViewed } from '../components/Recommendations';
import { LoadError, Loading } from '../components/QueryStatus';
import { ReviewList } from '../components/ReviewList';
import { StarRating } from '../components/StarRating';
import { StockBadge } from '../components/StockBadge';
import { useDocumentTitle } from '../components/useDocumentTitle';
import { useLiveProduct } from '../components/useLiveProduct';
import { useLiveStock } from '../components/useLiveStock';
import { graphql } from '../gql';

const StorefrontProductQuery = graphql(`
  query StorefrontProduct($slug: String!) {
    product(slug: $slug) {
      ...StorefrontProductDetails
      inStock
      inventory {
        available
      }
    }
  }
`);

/** A product: details, price, rating and stock that change live, add to cart, what customers also bought, and its reviews. */
export function ProductPage() {
  const { slug = '' } = useParams();
  // cache-and-network: coming back to a product shows it at once, then its current price and stock.
  const [{ data, fetching, error }, reexecute] = useQuery({ query: StorefrontProductQuery, variables: { slug }, requestPolicy: 'cache-and-network' });
  const product = data?.product;
  const live = useLiveStock(product?.id);
  const changed = useLiveProduct(product?.id);
  useProductViewed(product?.id);
  useDocumentTitle(product ? product.name : data ? 'Product not found' : null);

  if (error && !product) return <LoadError what="this product" error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  if (!data) return fetching ? <Loading what="the product" /> : null;
  if (!product) {
    return (
      <div className="not-found">
        <h1>Product not found</h1>
        <p>
          No product lives at this address any more. <Link to="/">Browse the catalogue</Link>.
        </p>
      </div>
    );
  }

  // An admin's edit (price, name, status…) replaces what the page read; stock follows stockChanged.
  const details = changed ? { ...product, ...changed } : product;
  const available = live.stock?.available ?? product.inventory.available;
  const inStock = live.stock?.inStock ?? product.inStock;
  const forSale = details.status === 'ACTIVE';
  return (
    <article className="product" aria-labelledby="product-name">
      <Breadcrumb crumbs={details.category.path} />
      <div className="product-main">
        <ProductImage id={product.id} name={details.name} size="large" />
        <div className="product-info">
          <h1 id="product-name">{details.name}</h1>
          <StarRating average={details.rating.average} count={details.rating.count} />
          <p className="price price-large" aria-live="polite">
            {details.price.formatted}
          </p>
          <p className="product-shipping">
            {details.shippingEstimate.amount === 0 ? 'Free shipping' : `Shipping for this item alone: ${details.shippingEstimate.formatted}`}
          </p>
          <p className="product-stock" aria-live="polite">
            {forSale ? <StockBadge inStock={inStock} available={available} /> : <span className="stock stock-out">No longer sold</span>}
          </p>
          {live.error && (
            <p className="field-note">
              Live stock updates are paused ({live.error}); the figure above is from when the page opened.
            </p>
          )}
          <AddToCart productId={product.id} name={details.name} available={available} forSale={forSale} />
          <p className="product-description">{details.description}</p>
          <p className="product-sku">SKU {details.sku}</p>
        </div>
      </div>
      <AlsoBought productId={product.id} />
      <ReviewList productId={product.id} />
    </article>
  );
}
