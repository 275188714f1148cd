'use strict';
// The events of the bench: admin adjustStock mutations (+1 unit each) through the gateway. Every adjustment
// raises the product's total `available` by one, so an event's `available` names the mutation that caused it.

async function adjust(supergraph, adminToken, productId, warehouseId) {
  const { adjustStock } = await supergraph.graphql(
    'mutation($input: AdjustStockInput!) { adjustStock(input: $input) { available } }',
    { input: { productId, warehouseId, delta: 1, reason: 'RECEIVED', note: 'bench/subscriptions' } },
    adminToken,
  );
  return adjustStock.available;
}

/**
 * Per product, its total `available` now and the difference to the warehouse's own figure (which is what the
 * mutation answers), so an answer can be turned into the event's `available`.
 */
async function stockFigures(supergraph, adminToken, products, warehouseId) {
  const figures = [];
  for (const product of products) {
    const { product: found } = await supergraph.graphql(
      'query($id: ID!) { product(id: $id) { inventory { available warehouses { warehouse { id } available } } } }',
      { id: product.id },
      adminToken,
    );
    const inWarehouse = found.inventory.warehouses?.find((row) => row.warehouse.id === warehouseId)?.available ?? 0;
    figures.push({ total: found.inventory.available, offset: found.inventory.available - inWarehouse });
  }
  return figures;
}

/**
 * `eventsPerProduct` adjustments of every product, interleaved across products, `concurrency` in flight.
 * Returns, per product index, the time each event's mutation was answered, by the event's `available`.
 */
async function burst(supergraph, adminToken, products, warehouseId, figures, { eventsPerProduct, concurrency }) {
  const tasks = [];
  for (let event = 0; event < eventsPerProduct; event++) products.forEach((_product, index) => tasks.push(index));
  const responses = products.map(() => ({}));
  let errors = 0;
  let firstError;
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const index = tasks[next++];
      try {
        const inWarehouse = await adjust(supergraph, adminToken, products[index].id, warehouseId);
        responses[index][inWarehouse + figures[index].offset] = Date.now();
      } catch (error) {
        errors++;
        firstError ??= String(error).slice(0, 300);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { responses, errors, firstError };
}

module.exports = { adjust, stockFigures, burst };
