import type { Assortment, ProductLine, Variant } from './catalog.types';

/** Books are named by title and author; `brand` holds the author and `model` the title. */
const bookName = (line: ProductLine, variant: Variant) => `${line.model} by ${line.brand} (${variant.label})`;

const BINDINGS: ReadonlyArray<Variant> = [
  { label: 'Hardcover', code: 'HC', price: 1000, weight: 250 },
  { label: 'Paperback', code: 'PB' },
];

export const BOOKS: ReadonlyArray<Assortment> = [
  {
    category: 'fiction',
    variants: BINDINGS,
    name: bookName,
    features: [
      'With an introduction and notes by a leading scholar.',
      'Printed on acid-free paper with a sewn binding.',
      'A reading-group guide is included at the back.',
    ],
    lines: [
      { brand: 'Jane Austen', model: 'Pride and Prejudice', code: 'BK-AUSTEN-PP', price: 1299, weight: 320, blurb: 'Elizabeth Bennet and Mr Darcy misjudge each other in the best-loved novel of manners in English.' },
      { brand: 'Mary Shelley', model: 'Frankenstein', code: 'BK-SHELLEY-FR', price: 1099, weight: 260, blurb: 'The 1818 text of the novel that invented science fiction and asked what we owe what we create.' },
      { brand: 'Herman Melville', model: 'Moby-Dick', code: 'BK-MELVILLE-MD', price: 1599, weight: 640, blurb: 'Captain Ahab’s hunt for the white whale: an adventure, an encyclopedia of whaling and an American epic.' },
      { brand: 'Leo Tolstoy', model: 'Anna Karenina', code: 'BK-TOLSTOY-AK', price: 1899, weight: 820, blurb: 'A modern translation of Tolstoy’s novel of love, society and faith in imperial Russia.' },
      { brand: 'F. Scott Fitzgerald', model: 'The Great Gatsby', code: 'BK-FITZ-GG', price: 1199, weight: 210, blurb: 'Jay Gatsby’s parties and longing on Long Island, the defining novel of the Jazz Age.' },
    ],
  },
  {
    category: 'programming-and-technology',
    variants: BINDINGS,
    name: bookName,
    features: [
      'Code examples can be downloaded from the publisher’s website.',
      'Each chapter ends with exercises and further reading.',
      'Includes a comprehensive index and a glossary of terms.',
    ],
    lines: [
      { brand: 'David Thomas and Andrew Hunt', model: 'The Pragmatic Programmer', code: 'BK-PRAGPROG', price: 4499, weight: 560, blurb: 'The 20th-anniversary edition of the classic on how to think and work as a software developer.' },
      { brand: 'Martin Kleppmann', model: 'Designing Data-Intensive Applications', code: 'BK-DDIA', price: 4999, weight: 900, blurb: 'How databases, streams and distributed systems really work, and how to choose between them.' },
      { brand: 'Robert C. Martin', model: 'Clean Code', code: 'BK-CLEANCODE', price: 3999, weight: 680, blurb: 'A handbook of agile software craftsmanship: names, functions, tests and the discipline behind them.' },
      { brand: 'Harold Abelson and Gerald Jay Sussman', model: 'Structure and Interpretation of Computer Programs', code: 'BK-SICP', price: 5499, weight: 1200, blurb: 'The MIT classic that teaches programming as the craft of controlling complexity.' },
      { brand: 'Martin Fowler', model: 'Refactoring', code: 'BK-REFACTOR', price: 4799, weight: 820, blurb: 'The second edition of the catalogue of behaviour-preserving changes, with examples in JavaScript.' },
    ],
  },
  {
    category: 'cookbooks',
    variants: BINDINGS,
    name: bookName,
    features: [
      'Full-colour photography of every dish.',
      'Recipes give weights as well as cup measures.',
      'Lies flat on the counter while you cook.',
    ],
    lines: [
      { brand: 'Samin Nosrat', model: 'Salt, Fat, Acid, Heat', code: 'BK-SFAH', price: 3599, weight: 1400, blurb: 'The four elements of good cooking, explained so you can cook without a recipe.' },
      { brand: 'J. Kenji López-Alt', model: 'The Food Lab', code: 'BK-FOODLAB', price: 4999, weight: 2700, blurb: 'Better home cooking through science: why recipes work, tested hundreds of times.' },
      { brand: 'Julia Child', model: 'Mastering the Art of French Cooking', code: 'BK-MAFC', price: 4000, weight: 1500, blurb: 'The book that brought French cuisine to American kitchens, step by careful step.' },
      { brand: 'Yotam Ottolenghi and Sami Tamimi', model: 'Jerusalem', code: 'BK-JERUSALEM', price: 3500, weight: 1300, blurb: 'Recipes from the chefs’ home city, where Jewish and Arab kitchens meet.' },
      { brand: 'Yotam Ottolenghi', model: 'Simple', code: 'BK-OTTOSIMPLE', price: 3500, weight: 1250, blurb: 'Ottolenghi’s flavours in recipes that need little time, few ingredients or no fuss.' },
    ],
  },
];
