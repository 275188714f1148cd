import { parse } from 'graphql';
import { composeSupergraph } from '../../../subscriptions/__tests__/support/federation';

const LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@tag", "@shareable"])';

/** A supergraph composed from small subgraph SDLs (their federation 2 `@link` added). */
export function supergraphOf(...subgraphs: string[]): Promise<string> {
  return composeSupergraph(subgraphs.map((sdl, index) => ({ name: `s${index}`, url: `http://s${index}.test/graphql`, typeDefs: parse(`${LINK}\n${sdl}`) })));
}
