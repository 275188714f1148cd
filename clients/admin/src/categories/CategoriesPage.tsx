import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { ErrorNotice, Loading } from '../ui/ErrorNotice';
import { Field, FormError } from '../ui/Field';
import { formErrorsOf, NO_ERRORS, type FormErrors } from '../ui/field-errors';
import { AdminCategoriesQuery, AdminCreateCategoryMutation, useCategoryOptions } from './category.operations';
import { FormActions } from '../ui/bits';

interface CategoryNode {
  readonly id: string;
  readonly name: string;
  readonly slug: string;
  readonly productCount: number;
  readonly children: CategoryNode[];
}

/** The category tree, and a form to add a category at the top or under another. */
export function CategoriesPage() {
  const [{ data, error, fetching }] = useQuery({ query: AdminCategoriesQuery });
  const roots: CategoryNode[] = [];
  const byId = new Map<string, CategoryNode>();
  // The query answers in tree order (a parent before its descendants), so one pass builds the tree.
  for (const category of data?.categories ?? []) {
    const node: CategoryNode = { id: category.id, name: category.name, slug: category.slug, productCount: category.productCount, children: [] };
    byId.set(node.id, node);
    const parent = category.parent ? byId.get(category.parent.id) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return (
    <section aria-labelledby="categories-title">
      <h1 id="categories-title">Categories</h1>
      <div className="columns">
        <section aria-labelledby="tree-title" className="card">
          <h2 id="tree-title">Tree</h2>
          <ErrorNotice error={error} action="Loading the categories" />
          {fetching && !data && <Loading what="categories" />}
          {data && roots.length === 0 && <p>No categories yet.</p>}
          <CategoryTree nodes={roots} label="Category tree" />
        </section>
        <section aria-labelledby="new-category-title" className="card">
          <h2 id="new-category-title">New category</h2>
          <NewCategoryForm />
        </section>
      </div>
    </section>
  );
}

function CategoryTree({ nodes, label }: { nodes: CategoryNode[]; label?: string }) {
  if (nodes.length === 0) return null;
  return (
    <ul className="tree" aria-label={label}>
      {nodes.map((node) => (
        <li key={node.id}>
          <span className="tree-name">{node.name}</span> <span className="muted">/{node.slug} · {node.productCount} products</span>
          <CategoryTree nodes={node.children} />
        </li>
      ))}
    </ul>
  );
}

function NewCategoryForm() {
  const { options } = useCategoryOptions();
  const [, create] = useMutation(AdminCreateCategoryMutation);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [created, setCreated] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const name = String(form.get('name') ?? '').trim();
    const slug = String(form.get('slug') ?? '').trim();
    const parentId = String(form.get('parentId') ?? '');
    setBusy(true);
    setCreated(null);
    const result = await create({ input: { name, ...(slug ? { slug } : {}), ...(parentId ? { parentId } : {}) } });
    setBusy(false);
    setErrors(formErrorsOf(result.error, ['name', 'slug', 'parentId']));
    if (result.data) {
      setCreated(`Created ${result.data.createCategory.name} (/${result.data.createCategory.slug}).`);
      formElement.reset();
    }
  }
  return (
    <form onSubmit={submit} className="form" noValidate>
      <Field label="Name" error={errors.fields['name']}>
        <input name="name" required maxLength={100} />
      </Field>
      <Field label="Parent" error={errors.fields['parentId']}>
        <select name="parentId" defaultValue="">
          <option value="">None (a top-level category)</option>
          {options.map((option) => (
            <option key={option.id} value={option.id}>
              {option.label}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Slug (optional)" hint="Made from the name when empty." error={errors.fields['slug']}>
        <input name="slug" />
      </Field>
      <FormError error={errors.form} />
      <FormActions busy={busy} label="Create category" busyLabel="Creating…" done={created} />
    </form>
  );
}
