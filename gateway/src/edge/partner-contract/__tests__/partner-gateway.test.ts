import { ApolloGateway, LocalGraphQLDataSource } from '@apollo/gateway';
import { createLogger } from '@techally/platform';
import { buildSchema, type GraphQLSchema } from 'graphql';
import { createPartnerGateway } from '../partner-gateway';
import { supergraphOf } from './compose-for-tests';

const logger = createLogger({ name: 'partner-gateway-test', level: 'silent' });
const V1 = () => supergraphOf('type Query { product: Product @tag(name: "partner") }  type Product { name: String @tag(name: "partner")  cost: Int }');
// The next supergraph: `cost` tagged too, `name` no longer.
const V2 = () => supergraphOf('type Query { product: Product @tag(name: "partner") }  type Product { name: String  cost: Int @tag(name: "partner") }');
// Tags that make no contract: Product keeps no tagged field.
const BROKEN = () => supergraphOf('type Query { product: Product @tag(name: "partner") }  type Product { name: String  cost: Int }');

/** A gateway on a supergraph this test changes, and the partner gateway following it, both loaded. */
async function gateways(initial: string) {
  let update: (sdl: string) => void = () => undefined;
  const buildService = () => new LocalGraphQLDataSource(buildSchema('type Query { unused: Int }'));
  const source = new ApolloGateway({
    logger,
    buildService,
    supergraphSdl: async (hook) => {
      update = hook.update;
      return { supergraphSdl: initial };
    },
  });
  const partner = createPartnerGateway({ source, buildService, logger });
  let partnerSchema: GraphQLSchema | null = null;
  partner.onSchemaLoadOrUpdate(({ apiSchema }) => (partnerSchema = apiSchema));
  await source.load();
  await partner.load();
  return {
    update: (sdl: string) => update(sdl),
    fieldsOfProduct: () => Object.keys((partnerSchema?.getType('Product') as { getFields(): object }).getFields()),
    stop: async () => {
      await partner.stop();
      await source.stop();
    },
  };
}

describe('the partner gateway', () => {
  it('serves the contract of the supergraph its source loaded, and follows every reload', async () => {
    const graph = await gateways(await V1());
    expect(graph.fieldsOfProduct()).toEqual(['name']);
    graph.update(await V2());
    expect(graph.fieldsOfProduct()).toEqual(['cost']);
    await graph.stop();
  });

  it('keeps the previous contract when a reloaded supergraph makes none', async () => {
    const graph = await gateways(await V1());
    graph.update(await BROKEN());
    expect(graph.fieldsOfProduct()).toEqual(['name']);
    await graph.stop();
  });

  it('refuses to start on a supergraph that makes no contract', async () => {
    const source = new ApolloGateway({ logger, supergraphSdl: await BROKEN() });
    const partner = createPartnerGateway({ source, buildService: () => new LocalGraphQLDataSource(buildSchema('type Query { a: Int }')), logger });
    await source.load();
    await expect(partner.load()).rejects.toThrow(/partner contract is invalid/);
    await source.stop();
  });
});
