import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';

const LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@tag", "@shareable"])';

/** A supergraph composed from small subgraph SDLs (federation 2 `@link` added), as `pnpm compose` does. */
export function supergraphOf(...subgraphs: string[]): string {
  const result = composeServices(
    subgraphs.map((sdl, index) => ({ name: `s${index}`, url: `http://s${index}.test/graphql`, typeDefs: parse(`${LINK}\n${sdl}`) })),
  );
  if (result.errors) throw new Error(result.errors.map((error) => error.message).join('\n'));
  return result.supergraphSdl;
}
