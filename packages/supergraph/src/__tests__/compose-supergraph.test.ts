import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { composeSupergraph, CompositionError } from '../compose-supergraph';
import type { SubgraphDefinition } from '../subgraph-registry';

function subgraph(name: string, sdl: string): SubgraphDefinition {
  return {
    name,
    defaultPort: 0,
    portVariable: 'UNUSED',
    buildSchema: async () => buildSubgraphSchema([{ typeDefs: parse(sdl), resolvers: {} }]),
    create: () => Promise.reject(new Error('not started in this test')),
  };
}

const LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@inaccessible"])';

describe('composeSupergraph', () => {
  it('composes subgraphs into a supergraph and a client schema without federation internals', async () => {
    const graph = await composeSupergraph(
      [
        subgraph('a', `${LINK} type Query { thing(id: ID!): Thing } type Thing @key(fields: "id") { id: ID! secret: String @inaccessible }`),
        subgraph('b', `${LINK} type Thing @key(fields: "id") { id: ID! label: String! }`),
      ],
      (definition) => `http://${definition.name}:4000/graphql`,
    );
    expect(graph.supergraphSdl).toContain('join__graph(name: "a", url: "http://a:4000/graphql")');
    expect(graph.apiSdl).toContain('label: String!');
    expect(graph.apiSdl).not.toMatch(/secret|join__|_entities|@key/);
  });

  it('fails with every composition error spelled out', async () => {
    const conflicting = composeSupergraph(
      [
        subgraph('a', `${LINK} type Query { money: Money } type Money { amount: Int! }`),
        subgraph('b', `${LINK} type Query { price: Money } type Money { amount: Int! }`),
      ],
      (definition) => `http://${definition.name}/graphql`,
    );
    await expect(conflicting).rejects.toBeInstanceOf(CompositionError);
    await expect(conflicting).rejects.toThrow(/INVALID_FIELD_SHARING.*Money\.amount/s);
  });
});
