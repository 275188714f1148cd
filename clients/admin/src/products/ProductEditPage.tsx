import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { AdjustStockForm } from '../stock/AdjustStockForm';
import { LowStockThresholds } from '../stock/LowStockThresholds';
import { AdminWarehousesQuery } from '../stock/stock.operations';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { NotFound, ScrollRegion } from '../ui/bits';
import { ErrorNotice, Loading } from '../ui/ErrorNotice';
import { formatDateTime } from '../ui/format';
import { AdminArchiveProductMutation, AdminProductQuery, AdminUpdateProductMutation } from './product.operations';
import { ProductForm } from './ProductForm';
import { RepriceForm } from './RepriceForm';

/** One product: its price, its details, its stock per warehouse with adjustments and low-stock thresholds, and archiving it. */
export function ProductEditPage() {
  const { id = '' } = useParams();
  const [{ data, error, fetching }] = useQuery({ query: AdminProductQuery, variables: { id } });
  const [warehouses] = useQuery({ query: AdminWarehousesQuery });
  const [, update] = useMutation(AdminUpdateProductMutation);
  const [archiving, archive] = useMutation(AdminArchiveProductMutation);
  const [confirmArchive, setConfirmArchive] = useState(false);

  if (error) return <ErrorNotice error={error} action="Loading the product" />;
  if (fetching && !data) return <Loading what="the product" />;
  const product = data?.product;
  if (!product) {
    return <NotFound what="Product" back="/products" backLabel="Back to products" />;
  }
  const archived = product.status === 'ARCHIVED';
  return (
    <section aria-labelledby="product-title">
      <p className="breadcrumb">
        <Link to="/products">Products</Link> › {product.name}
      </p>
      <div className="page-head">
        <h1 id="product-title">{product.name}</h1>
        <span className={archived ? 'badge badge-muted' : 'badge badge-ok'}>{archived ? 'Archived' : 'Active'}</span>
      </div>
      <p className="meta">
        SKU <code>{product.sku}</code> · updated {formatDateTime(product.updatedAt)}
      </p>
      <div className="columns">
        <section aria-labelledby="price-title" className="card">
          <h2 id="price-title">Price</h2>
          <p>
            Current price: <strong data-testid="current-price">{product.price.formatted}</strong>
          </p>
          <RepriceForm
            key={`${product.price.amount}-${product.price.currency}`}
            price={product.price}
            onSubmit={async (price) => (await update({ id: product.id, input: { price } })).error}
          />
        </section>
        <section aria-labelledby="stock-title" className="card">
          <h2 id="stock-title">Stock</h2>
          <p>
            <strong>{product.inventory.available}</strong> available, {product.inventory.reserved} reserved for orders.
          </p>
          <ScrollRegion label="Stock per warehouse">
            <table aria-label={`Stock of ${product.name} per warehouse`}>
              <thead>
                <tr>
                  <th scope="col">Warehouse</th>
                  <th scope="col" className="num">On hand</th>
                  <th scope="col" className="num">Reserved</th>
                  <th scope="col" className="num">Available</th>
                </tr>
              </thead>
              <tbody>
                {(product.inventory.warehouses ?? []).map((row) => (
                  <tr key={row.warehouse.id}>
                    <th scope="row">
                      {row.warehouse.code} <span className="muted">{row.warehouse.name}</span>
                    </th>
                    <td className="num">{row.onHand}</td>
                    <td className="num">{row.reserved}</td>
                    <td className="num">{row.available}</td>
                  </tr>
                ))}
                {(product.inventory.warehouses ?? []).length === 0 && (
                  <tr>
                    <td colSpan={4}>No stock in any warehouse yet.</td>
                  </tr>
                )}
              </tbody>
            </table>
          </ScrollRegion>
          <ErrorNotice error={warehouses.error} action="Loading the warehouses" />
          {warehouses.data && <AdjustStockForm productId={product.id} productName={product.name} warehouses={warehouses.data.warehouses} />}
        </section>
      </div>
      {warehouses.data && (
        <LowStockThresholds
          productId={product.id}
          productName={product.name}
          warehouses={warehouses.data.warehouses}
          available={new Map([['all', product.inventory.available], ...(product.inventory.warehouses ?? []).map((row) => [row.warehouse.id, row.available] as const)])}
        />
      )}
      <section aria-labelledby="details-title" className="card">
        <h2 id="details-title">Details</h2>
        <ProductForm
          key={product.updatedAt}
          initial={{ ...product, categoryId: product.category.id }}
          withSkuAndPrice={false}
          submitLabel="Save details"
          onSubmit={async ({ name, slug, description, categoryId, weight }) =>
            (await update({ id: product.id, input: { name, description, categoryId, weight, ...(slug ? { slug } : {}) } })).error
          }
        />
      </section>
      {!archived && (
        <section aria-labelledby="archive-title" className="card">
          <h2 id="archive-title">Archive</h2>
          <p>Takes the product out of every listing. Past orders still show it.</p>
          <button type="button" className="danger" onClick={() => setConfirmArchive(true)}>
            Archive product
          </button>
          <ErrorNotice error={archiving.error} action="Archiving" />
          <ConfirmDialog
            open={confirmArchive}
            title={`Archive ${product.name}?`}
            confirmLabel="Archive"
            danger
            busy={archiving.fetching}
            onCancel={() => setConfirmArchive(false)}
            onConfirm={async () => {
              await archive({ id: product.id });
              setConfirmArchive(false);
            }}
          >
            <p>Shoppers will no longer find it; it cannot be put back on sale from here.</p>
          </ConfirmDialog>
        </section>
      )}
    </section>
  );
}

