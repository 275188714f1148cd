/**
 * @techally/demo-data — the demo shop every subgraph seeds from in the embedded start: one deterministic
 * catalogue and one set of customers, so ids agree across subgraphs without any of them asking another.
 */
export * from './catalog.generator';
export * from './customers';
export { createPrng, type Prng } from './prng';
export { ASSORTMENTS, CATEGORY_TREE, type Assortment, type CategoryNode, type ProductLine, type Variant } from './catalog';
export * from './sales';
