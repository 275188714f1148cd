import { Link } from 'react-router';
import { graphql } from '../gql';
import type { StorefrontProductCardFragment } from '../gql/graphql';
import { ProductImage } from './ProductImage';
import { StarRating } from './StarRating';
import { StockBadge } from './StockBadge';

/** What a product's card in a listing shows (spread into the catalogue's query). */
export const StorefrontProductCard = graphql(`
  fragment StorefrontProductCard on Product {
    id
    name
    slug
    inStock
    price {
      amount
      formatted
    }
    rating {
      average
      count
    }
    category {
      name
    }
  }
`);

/** One product of a listing: picture, name (the link), category, price, rating, stock. */
export function ProductCard({ product }: { product: StorefrontProductCardFragment }) {
  return (
    <article className="product-card">
      <ProductImage id={product.id} name={product.name} />
      <div className="product-card-body">
        <h2 className="product-card-name">
          <Link to={`/product/${product.slug}`}>{product.name}</Link>
        </h2>
        <p className="product-card-category">{product.category.name}</p>
        <p className="price">{product.price.formatted}</p>
        <StarRating average={product.rating.average} count={product.rating.count} />
        <StockBadge inStock={product.inStock} />
      </div>
    </article>
  );
}
