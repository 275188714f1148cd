import {
  errorCauses,
  INACCESSIBLE_VERSIONS,
  printSchema as printSupergraph,
  Supergraph,
  type NamedType,
  type Schema,
} from '@apollo/federation-internals';
import type { GraphQLSchema } from 'graphql';
import { contractExclusions, type ContractElement } from './contract-exclusions';

/** The tag that puts a schema element in the partner contract (`@tag(name: "partner")`, see @techally/platform PARTNER_TAG). */
export const PARTNER_CONTRACT_TAG = 'partner';

const INACCESSIBLE_IDENTITY = 'https://specs.apollo.dev/inaccessible';

/** What a contract is made of: a supergraph to plan with and the API schema its callers see. */
export interface PartnerContract {
  /** The supergraph with `@inaccessible` on everything outside the contract (what Apollo serves a contract variant from). */
  readonly supergraphSdl: string;
  /** The contract's API schema: what partners validate against and introspect. */
  readonly apiSchema: GraphQLSchema;
}

/**
 * The supergraph has no partner contract: `untagged`, nothing in it carries the tag (a graph with no partners,
 * such as a test's); `invalid`, its tags make no valid contract (a tagged field returns a type none of whose
 * fields is tagged…), which is a mistake to fix.
 */
export class PartnerContractError extends Error {
  override readonly name = 'PartnerContractError';
  constructor(
    readonly problems: ReadonlyArray<string>,
    readonly reason: 'untagged' | 'invalid' = 'invalid',
  ) {
    super(`The partner contract is ${reason}:\n${problems.map((problem) => `  ✗ ${problem}`).join('\n')}`);
  }
}

/**
 * The contract of a supergraph for one tag, the way Apollo's contract variants are built: every element the
 * tag rules exclude (contract-exclusions.ts) gets `@inaccessible`, and @apollo/federation-internals derives the
 * API schema — the same code that removes `@inaccessible` elements from the full graph, with its consistency
 * checks (a field left pointing at a removed type, a required argument removed, an interface field whose
 * implementation is removed…), which become a PartnerContractError naming each problem.
 *
 * The result is a supergraph too: an ApolloGateway given it plans against the whole graph (keys, @requires)
 * while validating and introspecting against the contract only.
 */
export function partnerContract(supergraphSdl: string, tag: string = PARTNER_CONTRACT_TAG): PartnerContract {
  const schema = Supergraph.build(supergraphSdl).schema.clone();
  const tagName = schema.coreFeatures?.getByIdentity('https://specs.apollo.dev/tag')?.directiveNameInSchema('tag');
  const isTagged = (element: ContractElement): boolean =>
    tagName !== undefined && element.appliedDirectivesOf(tagName).some((applied) => applied.arguments()['name'] === tag);
  const isFederationMachinery = (type: NamedType): boolean =>
    type.isBuiltIn || type.isIntrospectionType() || schema.coreFeatures?.sourceFeature(type) !== undefined;

  if (![...schema.allNamedSchemaElement()].some(isTagged)) {
    throw new PartnerContractError([`nothing in the supergraph carries @tag(name: "${tag}")`], 'untagged');
  }
  const excluded = contractExclusions(schema, { isTagged, isFederationMachinery });
  if (excluded.problems.length > 0) throw new PartnerContractError(excluded.problems);

  const inaccessible = inaccessibleDirective(schema);
  for (const element of excluded.elements) {
    if (!element.hasAppliedDirective(inaccessible)) element.applyDirective(inaccessible);
  }

  const contractSdl = printSupergraph(schema);
  try {
    return { supergraphSdl: contractSdl, apiSchema: Supergraph.build(contractSdl).apiSchema().toGraphQLJSSchema() };
  } catch (error) {
    const causes = errorCauses(error as Error);
    throw new PartnerContractError(causes ? causes.map((cause) => cause.message) : [String(error)]);
  }
}

/** `@inaccessible` as the supergraph names it, linking the spec first when no subgraph used it. */
function inaccessibleDirective(schema: Schema) {
  const features = schema.coreFeatures;
  if (features && !features.getByIdentity(INACCESSIBLE_IDENTITY)) {
    const latest = INACCESSIBLE_VERSIONS.latest();
    const errors = features.coreDefinition.applyFeatureToSchema(schema, latest, undefined, latest.defaultCorePurpose);
    if (errors.length > 0) throw new PartnerContractError(errors.map((error) => error.message));
  }
  const feature = schema.coreFeatures?.getByIdentity(INACCESSIBLE_IDENTITY);
  const definition = feature && schema.directive(feature.directiveNameInSchema('inaccessible'));
  if (!definition) throw new PartnerContractError(['the supergraph has no @inaccessible directive and none could be linked']);
  return definition;
}
