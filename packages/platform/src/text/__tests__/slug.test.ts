import { MAX_SLUG_LENGTH, SLUG_PATTERN, slugify } from '../slug';

describe('slugify', () => {
  it.each([
    ['Salt, Fat, Acid, Heat', 'salt-fat-acid-heat'],
    ['Home & Kitchen', 'home-and-kitchen'],
    ['Café Crème', 'cafe-creme'],
    ['J. Kenji López-Alt', 'j-kenji-lopez-alt'],
    ['De’Longhi Dedica Arte', 'delonghi-dedica-arte'],
    ['  Sony WH-1000XM5 (Black)  ', 'sony-wh-1000xm5-black'],
    ['16GB RAM, 512GB SSD', '16gb-ram-512gb-ssd'],
  ])('turns %j into %j', (name, slug) => {
    expect(slugify(name)).toBe(slug);
    expect(slug).toMatch(SLUG_PATTERN);
  });

  it('is empty for a name with no letter or digit', () => {
    expect(slugify('!!! — ???')).toBe('');
  });

  it('cuts a long name at a word boundary', () => {
    const slug = slugify('word '.repeat(100));
    expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    expect(slug).toMatch(SLUG_PATTERN);
    expect(slug.endsWith('word')).toBe(true);
  });
});
