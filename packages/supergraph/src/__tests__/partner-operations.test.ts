import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildSchema, Kind, parse, print, validate, type DefinitionNode, type DocumentNode, type OperationDefinitionNode } from 'graphql';

const ROOT = resolve(__dirname, '../../../..');
const read = (path: string) => readFileSync(resolve(ROOT, path), 'utf8');

const contract = buildSchema(read('schema/partner.graphql'));
const partnerDocument = parse(read('clients/operations/partner.graphql'));
const manifest = JSON.parse(read('clients/persisted-documents.json')) as Record<string, string>;
const operations = partnerDocument.definitions.filter((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION);

/** One operation of partner.graphql with the fragments it spreads (all of the file's: they are few). */
function documentOf(operation: OperationDefinitionNode): DocumentNode {
  const fragments = partnerDocument.definitions.filter((definition: DefinitionNode) => definition.kind === Kind.FRAGMENT_DEFINITION);
  const used = fragments.filter((fragment) => print(operation).includes(`...${(fragment as { name: { value: string } }).name.value}`));
  return { kind: Kind.DOCUMENT, definitions: [operation, ...used] };
}

// A partner may send only what the partner contract holds: an operation of the partner catalogue that used an
// untagged field would be refused to every partner (GRAPHQL_VALIDATION_FAILED), whatever the manifest says.
describe('the partner operations (clients/operations/partner.graphql)', () => {
  it('holds the partner catalogue: a listing, a product by id, the categories', () => {
    expect(operations.map((operation) => operation.name?.value)).toEqual(['PartnerCatalogue', 'PartnerProduct', 'PartnerCategories']);
  });

  it.each(operations.map((operation) => [operation.name?.value, operation] as const))('%s validates against schema/partner.graphql', (_name, operation) => {
    expect(validate(contract, documentOf(operation)).map((error) => error.message)).toEqual([]);
  });

  it.each(operations.map((operation) => [operation.name?.value] as const))('%s is in the persisted-documents manifest', (name) => {
    expect(Object.values(manifest).some((document) => document.includes(`query ${name}(`) || document.includes(`query ${name} {`))).toBe(true);
  });
});
