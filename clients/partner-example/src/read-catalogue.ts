import {
  PartnerCatalogueDocument,
  PartnerCategoriesDocument,
  PartnerProductDocument,
  type PartnerCatalogueQuery,
  type PartnerCategoriesQuery,
  type PartnerProductQuery,
} from '@techally/web-client';
import { politeRequest, type PoliteRequestOptions } from './polite-request';

export type CatalogueProduct = PartnerCatalogueQuery['products']['edges'][number]['node'];
export type CatalogueCategory = PartnerCategoriesQuery['categories'][number];

/** What the example read of the partner catalogue. */
export interface CatalogueReading {
  /** `products.totalCount`: every product the listing holds. */
  readonly totalCount: number;
  /** The pages read, in order, each the products it held. */
  readonly pages: ReadonlyArray<ReadonlyArray<CatalogueProduct>>;
  /** Whether the listing had more pages than were read. */
  readonly morePages: boolean;
  /** The first listed product, fetched again by its id (`product(id)`). */
  readonly product: NonNullable<PartnerProductQuery['product']> | null;
  readonly categories: ReadonlyArray<CatalogueCategory>;
}

export interface ReadCatalogueOptions extends PoliteRequestOptions {
  readonly pageSize: number;
  readonly maxPages: number;
}

/**
 * The three partner operations (clients/operations/partner.graphql): the listing page by page with its cursors,
 * one product by id, the category tree.
 */
export async function readCatalogue(options: ReadCatalogueOptions): Promise<CatalogueReading> {
  const pages: CatalogueProduct[][] = [];
  let after: string | null = null;
  let totalCount = 0;
  let morePages = true;
  while (morePages && pages.length < options.maxPages) {
    const { products }: PartnerCatalogueQuery = await politeRequest(options, PartnerCatalogueDocument, { first: options.pageSize, after });
    totalCount = products.totalCount;
    pages.push(products.edges.map((edge) => edge.node));
    morePages = products.pageInfo.hasNextPage;
    after = products.pageInfo.endCursor;
  }
  const firstId = pages[0]?.[0]?.id;
  const product = firstId ? (await politeRequest(options, PartnerProductDocument, { id: firstId })).product : null;
  const { categories } = await politeRequest(options, PartnerCategoriesDocument);
  return { totalCount, pages, morePages, product, categories };
}
