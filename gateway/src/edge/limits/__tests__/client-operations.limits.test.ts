import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  buildSchema,
  getIntrospectionQuery,
  parse,
  print,
  separateOperations,
  specifiedRules,
  validate,
  type DocumentNode,
  type OperationDefinitionNode,
} from 'graphql';
import { operationCost } from '../operation-cost';
import { operationLimitRules } from '../operation-limit-rules';
import { loadOperationLimits } from '../operation-limits-config';

const REPO = resolve(__dirname, '../../../../..');
const OPERATIONS_DIR = join(REPO, 'clients/operations');
/** The largest page a client may ask for (DESIGN.md: `first` ≤ 100): page-size variables are tried at it. */
const LARGEST_PAGE = 100;

const schema = buildSchema(readFileSync(join(REPO, 'schema/api.graphql'), 'utf8'));
const allOperations = parse(
  readdirSync(OPERATIONS_DIR)
    .filter((file) => file.endsWith('.graphql'))
    .map((file) => readFileSync(join(OPERATIONS_DIR, file), 'utf8'))
    .join('\n'),
);
/** Each operation as a client sends it: the operation and the fragments it uses. */
const documents = Object.entries(separateOperations(allOperations));

/** Every page-size variable (`$first`, `$reviewsFirst`, …) at the largest page; nothing else is needed for cost. */
function largestPages(document: DocumentNode): Record<string, number> {
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition');
  const names = (operation?.variableDefinitions ?? []).map((d) => d.variable.name.value);
  return Object.fromEntries(names.filter((name) => /first|last/i.test(name)).map((name) => [name, LARGEST_PAGE]));
}

describe('the default operation limits and the operations in clients/', () => {
  const limits = loadOperationLimits({}, true);

  it('finds the operations', () => {
    expect(documents.length).toBeGreaterThanOrEqual(29);
  });

  it.each(documents)('lets %s through, at its largest pages', (name, document) => {
    const text = print(document);
    expect(validate(schema, document, [...specifiedRules, ...operationLimitRules(limits)])).toEqual([]);
    expect(() => parse(text, { maxTokens: limits.maxTokens })).not.toThrow();
    const cost = operationCost(schema, document, largestPages(document), name, { defaultListSize: limits.defaultListSize });
    expect(cost).toBeLessThanOrEqual(limits.maxCost);
  });

  it('lets the explorer’s introspection query through (development: introspection on)', () => {
    const text = getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, inputValueDeprecation: true });
    const document = parse(text, { maxTokens: limits.maxTokens });
    expect(validate(schema, document, [...specifiedRules, ...operationLimitRules(limits)])).toEqual([]);
    expect(operationCost(schema, document, {}, undefined)).toBeLessThanOrEqual(limits.maxCost);
  });
});
