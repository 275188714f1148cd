import { ref } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventMetadata, ProductChangeableField } from '@techally/events';
import { pageSize, requireAdmin, type Viewer, isUuid } from '@techally/platform';
import { Category } from '../category/category.entity';
import type { CategoryLoaders } from '../category/category.loaders';
import { exactlyOneKey } from '../shared/lookup';
import { slugify } from '@techally/platform';
import { decodeProductCursor, productCursor } from './product.cursor';
import { Product } from './product.entity';
import { ProductError } from './product.errors';
import { priceOf, productArchivedEvents, productCreatedEvents, productEditedEvents, type ProductEdit } from './product.events';
import { normalizeFilter, type ListingFilter, type ProductFilterInput } from './product.filter';
import type { ProductLoaders } from './product.loaders';
import type { ProductReads } from './product.reads';
import { productRecordOf, type ProductRecord } from './product.record';
import { ProductRepository } from './product.repository';
import {
  validateDescription,
  validatePrice,
  validateProductName,
  validateProductSlug,
  validateSku,
  validateWeight,
  type PriceInput,
} from './product.validation';
import { ProductSort } from './product-sort';
import { ProductStatus } from './product-status';

export interface NewProduct {
  readonly sku: string;
  readonly name: string;
  readonly description: string;
  readonly price: PriceInput;
  readonly categoryId: string;
  /** Grams. */
  readonly weight: number;
  /** Generated from the name when absent. */
  readonly slug?: string | null;
}

/**
 * A partial edit: absent (or null) fields stay as they are. The SKU is not editable: it is the product's
 * second federation key, and other subgraphs keep it (order lines provide it), so it must never change.
 */
export type ProductChanges = { readonly [K in Exclude<keyof NewProduct, 'sku'>]?: NewProduct[K] | null };

export interface ProductLookup {
  readonly id?: string | null;
  readonly slug?: string | null;
}

export interface ListingRequest {
  readonly first?: number | null;
  readonly after?: string | null;
  readonly filter?: ProductFilterInput | null;
  readonly sort?: ProductSort | null;
}

/** What the client selected that the page's statement can answer too (see ProductReads.listPage). */
export interface ListingSelection {
  readonly categories: boolean;
  readonly totalCount: boolean;
}

export interface ProductPage {
  readonly edges: ReadonlyArray<{ readonly cursor: string; readonly node: ProductRecord }>;
  readonly hasNextPage: boolean;
  readonly hasPreviousPage: boolean;
  /** Counted only when asked for: it is a second statement. */
  totalCount(): Promise<number>;
}

/**
 * The product use cases of one request. Reads are public and answer plain records (ProductReads); writes are
 * for admins, work on entities of the request's EntityManager (forked only when a write asks for it), and each
 * write that changes the catalogue commits its events (product.events.ts) with it, in the same flush: none for
 * a refused or rolled-back write, none for one that changes nothing.
 */
export class ProductService {
  private repositoryOfRequest: ProductRepository | null = null;

  constructor(
    private readonly entityManager: () => EntityManager,
    private readonly reads: ProductReads,
    private readonly viewer: Viewer | null,
    private readonly loaders: ProductLoaders & CategoryLoaders,
    /** The request's id, carried into the events it causes. */
    private readonly eventMetadata: EventMetadata = {},
  ) {}

  private get repository(): ProductRepository {
    return (this.repositoryOfRequest ??= new ProductRepository(this.entityManager()));
  }

  /** Any status: an archived product still resolves (orders refer to it). Null for an unknown id. */
  byId(id: string): Promise<ProductRecord | null> {
    return isUuid(id) ? this.loaders.productById.load(id) : Promise.resolve(null);
  }

  /**
   * The products the ids name, in their order (any status: an archived product can still be followed);
   * BAD_USER_INPUT naming the first entry that names none (`<argument>[i]`). One statement, whatever the count.
   */
  async requireEach(ids: ReadonlyArray<string>, argument: string): Promise<ProductRecord[]> {
    const products = await Promise.all(ids.map((id) => this.byId(id.toLowerCase())));
    const unknown = products.findIndex((product) => product === null);
    if (unknown >= 0) throw ProductError.unknownProduct(ids[unknown]!, `${argument}[${unknown}]`);
    return products as ProductRecord[];
  }

  bySku(sku: string): Promise<ProductRecord | null> {
    return this.loaders.productBySku.load(sku);
  }

  /** By exactly one of id or slug; null when there is no such product. */
  async lookup({ id, slug }: ProductLookup): Promise<ProductRecord | null> {
    if (exactlyOneKey(id, slug) === 'id') return this.byId(id as string);
    const product = await this.reads.bySlug(slug as string);
    if (product) this.prime(product);
    return product;
  }

  /**
   * One page of the active catalog, keyset-paginated. The categories and the count the client selected come
   * with the page's statement; the categories are primed into the request's loader, where `category` finds them.
   */
  async list(request: ListingRequest, selection: ListingSelection = { categories: false, totalCount: false }): Promise<ProductPage> {
    const first = pageSize(request.first);
    const sort = request.sort ?? ProductSort.NEWEST;
    const filter: ListingFilter = normalizeFilter(request.filter);
    const after = request.after ? decodeProductCursor(sort, request.after) : null;
    const page = await this.reads.listPage({
      filter,
      sort,
      after,
      first,
      withCategories: selection.categories,
      withTotalCount: selection.totalCount,
    });
    for (const product of page.products) this.prime(product);
    for (const category of page.categories) this.loaders.categoryById.prime(category.id, category);
    const { totalCount } = page;
    return {
      // The cursor is encoded only for a client that reads it.
      edges: page.products.map((node) => ({
        node,
        get cursor() {
          return productCursor(sort, node);
        },
      })),
      hasNextPage: page.hasNextPage,
      // Forward-only pagination: there is something before this page exactly when it starts after a cursor.
      hasPreviousPage: after !== null,
      totalCount: () => (totalCount !== null ? Promise.resolve(totalCount) : this.reads.count(filter)),
    };
  }

  async create(input: NewProduct): Promise<Product> {
    requireAdmin(this.viewer);
    const sku = validateSku(input.sku);
    const name = validateProductName(input.name);
    const description = validateDescription(input.description);
    const price = validatePrice(input.price);
    const weight = validateWeight(input.weight);
    const chosenSlug = input.slug === null || input.slug === undefined ? null : validateProductSlug(input.slug);
    const category = await this.requireCategory(input.categoryId);

    const product = new Product();
    product.sku = sku;
    product.name = name;
    product.description = description;
    product.priceAmount = price.amount;
    product.currency = price.currency;
    product.weightGrams = weight;
    product.category = ref(category);
    product.slug = chosenSlug ?? (await this.generatedSlug(name, sku));
    this.repository.persist(product);
    await this.repository.flush(product, productCreatedEvents(product, this.eventMetadata));
    this.prime(productRecordOf(product));
    return product;
  }

  /** Validates every given field before loading or writing anything, so a rejected edit changes nothing. */
  async update(id: string, changes: ProductChanges): Promise<Product> {
    requireAdmin(this.viewer);
    const name = present(changes.name) ? validateProductName(changes.name) : undefined;
    const description = present(changes.description) ? validateDescription(changes.description) : undefined;
    const price = present(changes.price) ? validatePrice(changes.price) : undefined;
    const weight = present(changes.weight) ? validateWeight(changes.weight) : undefined;
    const slug = present(changes.slug) ? validateProductSlug(changes.slug) : undefined;
    const category = present(changes.categoryId) ? await this.requireCategory(changes.categoryId) : undefined;
    const product = await this.requireProduct(id);

    // The slug stays when the name changes: links already shared keep working. Pass `slug` to change it.
    // Only a value that differs counts as a change: the events name exactly what changed (none: no event).
    const changedFields: ProductChangeableField[] = [];
    let previousPrice: ProductEdit['previousPrice'] = null;
    let previousCategoryId: string | null = null;
    if (name !== undefined && name !== product.name) {
      product.name = name;
      changedFields.push('name');
    }
    if (description !== undefined && description !== product.description) {
      product.description = description;
      changedFields.push('description');
    }
    if (price !== undefined && (price.amount !== product.priceAmount || price.currency !== product.currency)) {
      previousPrice = priceOf(product);
      product.priceAmount = price.amount;
      product.currency = price.currency;
      changedFields.push('price');
    }
    if (weight !== undefined && weight !== product.weightGrams) {
      product.weightGrams = weight;
      changedFields.push('weight');
    }
    if (slug !== undefined && slug !== product.slug) {
      product.slug = slug;
      changedFields.push('slug');
    }
    if (category !== undefined && category.id !== product.category.id) {
      previousCategoryId = product.category.id;
      product.category = ref(category);
      changedFields.push('category');
    }
    const edit: ProductEdit = { changedFields, previousPrice, previousCategoryId };
    await this.repository.flush(product, productEditedEvents(product, edit, this.eventMetadata));
    this.prime(productRecordOf(product));
    return product;
  }

  /**
   * Takes a product out of every listing; it keeps resolving by id and SKU. Archiving twice is harmless: the
   * second time changes nothing, writes nothing and emits nothing.
   */
  async archive(id: string): Promise<Product> {
    requireAdmin(this.viewer);
    const product = await this.requireProduct(id);
    if (product.status === ProductStatus.ARCHIVED) return product;
    product.status = ProductStatus.ARCHIVED;
    await this.repository.flush(product, productArchivedEvents(product, this.eventMetadata));
    return product;
  }

  private async requireProduct(id: string): Promise<Product> {
    const product = isUuid(id) ? await this.repository.findById(id) : null;
    if (!product) throw ProductError.notFound(id);
    return product;
  }

  private async requireCategory(categoryId: string): Promise<Category> {
    const category = isUuid(categoryId) ? await this.loaders.categoryById.load(categoryId) : null;
    if (!category) throw ProductError.unknownCategory(categoryId);
    // The loader answers a plain record; the product's foreign key needs an entity reference (nothing loaded).
    return this.entityManager().getReference(Category, category.id);
  }

  /**
   * The name's slug; when another product already has it (two colours of one model named alike), the slug of
   * "<name> <sku>", which the SKU's uniqueness makes free. The unique index still decides any race.
   */
  private async generatedSlug(name: string, sku: string): Promise<string> {
    const slug = slugify(name);
    if (slug && !(await this.repository.slugExists(slug))) return slug;
    return slugify(`${name} ${sku}`);
  }

  /** Replaces what the loaders hold: a record primed after a write must win over one read before it. */
  private prime(product: ProductRecord): void {
    this.loaders.productById.clear(product.id).prime(product.id, product);
    this.loaders.productBySku.clear(product.sku).prime(product.sku, product);
  }
}

function present<T>(value: T | null | undefined): value is T {
  return value !== null && value !== undefined;
}
