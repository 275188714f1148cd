import { ref } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { createEvent, type EventMetadata } from '@techally/events';
import { DomainError, requireAdmin, type Viewer, isUuid } from '@techally/platform';
import { exactlyOneKey } from '../shared/lookup';
import { slugify } from '@techally/platform';
import { requireSlug, requireText } from '../shared/text.validation';
import { Category } from './category.entity';
import { CategoryError } from './category.errors';
import type { CategoryLoaders } from './category.loaders';
import { CategoryRepository } from './category.repository';
import { inTreeOrder } from './category.tree';

export const MAX_CATEGORY_NAME_LENGTH = 100;
/** Deeper than any real shop's navigation; a guard so a corrupted parent chain cannot loop forever. */
const MAX_DEPTH = 32;

export interface NewCategory {
  readonly name: string;
  readonly parentId?: string | null;
  readonly slug?: string | null;
}

export interface CategoryLookup {
  readonly id?: string | null;
  readonly slug?: string | null;
}

/**
 * The category use cases of one request. Reads are public; creating a category is for admins and commits a
 * `products.category-changed.v1` with it.
 */
export class CategoryService {
  private readonly repository: CategoryRepository;

  constructor(
    em: EntityManager,
    private readonly viewer: Viewer | null,
    private readonly loaders: CategoryLoaders,
    /** The request's id, carried into the events it causes. */
    private readonly eventMetadata: EventMetadata = {},
  ) {
    this.repository = new CategoryRepository(em);
  }

  /** Every category, in tree order. Primes the id loader, so parents and paths of the list cost nothing more. */
  async all(): Promise<Category[]> {
    const categories = await this.repository.findAll();
    for (const category of categories) this.loaders.categoryById.prime(category.id, category);
    return inTreeOrder(categories);
  }

  byId(id: string): Promise<Category | null> {
    return isUuid(id) ? this.loaders.categoryById.load(id) : Promise.resolve(null);
  }

  /** By exactly one of id or slug; null when there is no such category. */
  async lookup({ id, slug }: CategoryLookup): Promise<Category | null> {
    const given = exactlyOneKey(id, slug);
    if (given === 'id') return this.byId(id as string);
    const category = await this.repository.findBySlug(slug as string);
    if (category) this.loaders.categoryById.prime(category.id, category);
    return category;
  }

  parentOf(category: Category): Promise<Category | null> {
    return category.parent ? this.loaders.categoryById.load(category.parent.id) : Promise.resolve(null);
  }

  childrenOf(category: Category): Promise<Category[]> {
    return this.loaders.childrenByParentId.load(category.id);
  }

  /** From the root down to `category` itself: a breadcrumb. One batched statement per level above. */
  async pathOf(category: Category): Promise<Category[]> {
    const path = [category];
    let current: Category | null = category;
    while (current?.parent && path.length < MAX_DEPTH) {
      current = await this.loaders.categoryById.load(current.parent.id);
      if (current) path.unshift(current);
    }
    return path;
  }

  productCountOf(category: Category): Promise<number> {
    return this.loaders.productCountByCategoryId.load(category.id);
  }

  async create(input: NewCategory): Promise<Category> {
    requireAdmin(this.viewer);
    const name = requireText(input.name, 'name', MAX_CATEGORY_NAME_LENGTH);
    const chosenSlug = input.slug === null || input.slug === undefined ? null : requireSlug(input.slug);
    const parent = input.parentId ? await this.requireParent(input.parentId) : null;

    const category = new Category();
    category.name = name;
    category.parent = parent ? ref(parent) : null;
    category.slug = chosenSlug ?? (await this.generatedSlug(name, parent));
    category.position = await this.repository.nextPosition(parent?.id ?? null);
    // The tree changed: `categories`, the parent's children and every path through it read differently now.
    const changed = createEvent(
      'products.category-changed.v1',
      category.id,
      { categoryId: category.id, parentId: parent?.id ?? null },
      this.eventMetadata,
    );
    await this.repository.insert(category, [changed]);
    this.loaders.categoryById.prime(category.id, category);
    return category;
  }

  private async requireParent(parentId: string): Promise<Category> {
    const parent = await this.byId(parentId);
    if (!parent) throw CategoryError.unknownParent(parentId);
    return parent;
  }

  /**
   * The name's slug, or, when another category has it (an "Accessories" in two departments), the slug of
   * "<parent name> <name>". An admin who wants something else passes `slug`.
   */
  private async generatedSlug(name: string, parent: Category | null): Promise<string> {
    const slug = slugify(name);
    if (!slug) throw DomainError.badUserInput('name must contain at least one letter or digit.', 'name');
    if (!parent || !(await this.repository.slugExists(slug))) return slug;
    return slugify(`${parent.slug} ${name}`);
  }
}
