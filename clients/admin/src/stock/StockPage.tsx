import { Fragment, useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { ErrorNotice, Loading } from '../ui/ErrorNotice';
import { useDebouncedValue } from '@techally/app-kit';
import { AdjustStockForm } from './AdjustStockForm';
import { AdminStockQuery, AdminWarehousesQuery } from './stock.operations';
import { ActionsHeader } from '../ui/bits';

const PAGE_SIZE = 20;

/** Stock of each product in each warehouse (available, with on hand and reserved), and adjusting it. */
export function StockPage() {
  const [search, setSearch] = useState('');
  const [after, setAfter] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const term = useDebouncedValue(search.trim(), 250);
  const [warehouses] = useQuery({ query: AdminWarehousesQuery });
  const [{ data, error, fetching }] = useQuery({
    query: AdminStockQuery,
    variables: { first: PAGE_SIZE, after, filter: term ? { search: term } : {} },
  });
  const columns = warehouses.data?.warehouses ?? [];
  return (
    <section aria-labelledby="stock-title">
      <h1 id="stock-title">Stock</h1>
      <form className="toolbar" role="search" onSubmit={(event) => event.preventDefault()}>
        <label>
          Find a product
          <input
            type="search"
            value={search}
            onChange={(event) => {
              setSearch(event.target.value);
              setAfter(null);
            }}
            placeholder="Name or SKU"
          />
        </label>
      </form>
      <ErrorNotice error={warehouses.error ?? error} action="Loading the stock" />
      {(fetching || warehouses.fetching) && !data && <Loading what="stock" />}
      {data && (
        <div className="table-wrap">
          <table>
            <caption>
              Available units per warehouse (on hand / reserved below). {data.products.totalCount} products.
            </caption>
            <thead>
              <tr>
                <th scope="col">Product</th>
                {columns.map((warehouse) => (
                  <th scope="col" key={warehouse.id} className="num" title={warehouse.name}>
                    {warehouse.code}
                  </th>
                ))}
                <th scope="col" className="num">
                  Total available
                </th>
                <ActionsHeader />
              </tr>
            </thead>
            <tbody>
              {data.products.edges.map(({ node }) => {
                const rows = new Map((node.inventory.warehouses ?? []).map((row) => [row.warehouse.id, row]));
                return (
                  <Fragment key={node.id}>
                    <tr>
                      <th scope="row">
                        <Link to={`/products/${node.id}`}>{node.name}</Link>
                        <br />
                        <code className="muted">{node.sku}</code>
                      </th>
                      {columns.map((warehouse) => {
                        const row = rows.get(warehouse.id);
                        return (
                          <td key={warehouse.id} className={row && row.available <= 0 ? 'num warn' : 'num'}>
                            {row ? (
                              <>
                                {row.available}
                                <br />
                                <span className="muted small">
                                  {row.onHand} / {row.reserved}
                                </span>
                              </>
                            ) : (
                              <span className="muted">—</span>
                            )}
                          </td>
                        );
                      })}
                      <td className="num">
                        <strong>{node.inventory.available}</strong>
                      </td>
                      <td>
                        <button type="button" aria-expanded={open === node.id} onClick={() => setOpen(open === node.id ? null : node.id)}>
                          Adjust<span className="visually-hidden"> stock of {node.name}</span>
                        </button>
                      </td>
                    </tr>
                    {open === node.id && (
                      <tr className="expanded">
                        <td colSpan={columns.length + 3}>
                          <AdjustStockForm productId={node.id} productName={node.name} warehouses={columns} />
                        </td>
                      </tr>
                    )}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {data && (
        <div className="actions">
          {after && (
            <button type="button" onClick={() => setAfter(null)}>
              First page
            </button>
          )}
          {data.products.pageInfo.hasNextPage && (
            <button type="button" onClick={() => setAfter(data.products.pageInfo.endCursor)}>
              Next page
            </button>
          )}
        </div>
      )}
    </section>
  );
}
