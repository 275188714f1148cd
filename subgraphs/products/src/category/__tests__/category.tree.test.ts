import type { Ref } from '@mikro-orm/core';
import { Category } from '../category.entity';
import { inTreeOrder } from '../category.tree';

function category(name: string, parent: Category | null = null): Category {
  const made = new Category();
  made.id = `id-${name}`;
  made.name = name;
  made.slug = name.toLowerCase();
  // Only the parent's id matters to the ordering; no ORM is running here to build a real reference.
  made.parent = parent ? ({ id: parent.id } as Ref<Category>) : null;
  return made;
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
