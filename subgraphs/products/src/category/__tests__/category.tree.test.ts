import type { CategoryRecord } from '../category.record';
import { inTreeOrder } from '../category.tree';

function category(name: string, parent: CategoryRecord | null = null): CategoryRecord {
  return { id: `id-${name}`, name, slug: name.toLowerCase(), parentId: parent?.id ?? null, position: 0 };
}

describe('inTreeOrder', () => {
  it('puts each category right before its descendants, keeping sibling order', () => {
    const electronics = category('Electronics');
    const computers = category('Computers', electronics);
    const laptops = category('Laptops', computers);
    const phones = category('Phones', electronics);
    const books = category('Books');
    // as the repository returns them: in sibling order, levels mixed
    const ordered = inTreeOrder([electronics, books, computers, phones, laptops]);
    expect(ordered.map((node) => node.name)).toEqual(['Electronics', 'Computers', 'Laptops', 'Phones', 'Books']);
  });

  it('treats a category whose parent is missing from the list as a root', () => {
    const hidden = category('Hidden');
    const orphan = category('Orphan', hidden);
    expect(inTreeOrder([orphan]).map((node) => node.name)).toEqual(['Orphan']);
  });
});
