import { AUDIO } from './audio.data';
import { BOOKS } from './books.data';
import type { Assortment } from './catalog.types';
import { ELECTRONICS } from './electronics.data';
import { HOME_AND_KITCHEN } from './home-kitchen.data';
import { SPORTS_AND_OUTDOORS } from './sports-outdoors.data';

export { CATEGORY_TREE } from './categories.data';
export type { Assortment, CategoryNode, ProductLine, Variant } from './catalog.types';

/** What each leaf category of the demo shop stocks, department by department. */
export const ASSORTMENTS: ReadonlyArray<Assortment> = [
  ...ELECTRONICS,
  ...AUDIO,
  ...HOME_AND_KITCHEN,
  ...SPORTS_AND_OUTDOORS,
  ...BOOKS,
];
