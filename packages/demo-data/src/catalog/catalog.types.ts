/** The shapes of the curated demo catalog the seed is generated from. */

export interface CategoryNode {
  readonly name: string;
  readonly slug: string;
  readonly children?: ReadonlyArray<CategoryNode>;
}

/** One way a product line is sold: a configuration, a colour, a size, a binding. */
export interface Variant {
  readonly label: string;
  /** Appended to the line's code to make the SKU. */
  readonly code: string;
  /** Added to the line's price, in cents. */
  readonly price?: number;
  /** Added to the line's weight, in grams. */
  readonly weight?: number;
}

/** A model a brand sells (or, for books, a title by an author). */
export interface ProductLine {
  readonly brand: string;
  readonly model: string;
  /** SKU prefix: uppercase letters, digits and dashes. */
  readonly code: string;
  /** Base price in USD cents, before the variant's difference. */
  readonly price: number;
  /** Base weight in grams. */
  readonly weight: number;
  /** The first sentence of its description: what makes this one worth buying. */
  readonly blurb: string;
  /** Overrides the assortment's variants when this line is sold differently. */
  readonly variants?: ReadonlyArray<Variant>;
}

/** What one leaf category stocks. */
export interface Assortment {
  /** The slug of a leaf category of the tree. */
  readonly category: string;
  readonly variants: ReadonlyArray<Variant>;
  /** How many of the variants each line is stocked in (picked by the seeded generator). Default 2. */
  readonly variantsPerLine?: number;
  /** Sentences true of every product here; the generator picks two per product. */
  readonly features: ReadonlyArray<string>;
  readonly lines: ReadonlyArray<ProductLine>;
  /** How a product is named; default "<brand> <model> (<variant>)". */
  readonly name?: (line: ProductLine, variant: Variant) => string;
}
