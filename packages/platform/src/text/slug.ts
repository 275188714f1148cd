/** What a slug looks like: lowercase words of letters and digits joined by single dashes. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const MAX_SLUG_LENGTH = 120;

/**
 * A URL slug from a human name: "Salt, Fat, Acid, Heat" → "salt-fat-acid-heat", "Café Crème" → "cafe-creme",
 * "Home & Kitchen" → "home-and-kitchen". Cut at a word boundary to at most {@link MAX_SLUG_LENGTH} characters.
 * Empty when the name has no letter or digit at all (the caller decides what that means).
 */
export function slugify(name: string): string {
  const words = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // the accents NFKD split off
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’]/g, '') // "De'Longhi" → "delonghi", not "de-longhi"
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > MAX_SLUG_LENGTH) break;
    slug = next;
  }
  return slug || (words[0] ?? '').slice(0, MAX_SLUG_LENGTH);
}
