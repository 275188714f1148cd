import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { createLogger, createSubgraphServer, DomainError, type GraphQLHttpServer, type RequestInfo } from '../..';
import { createServiceClient } from '../service-client';

const seen: Array<{ authorization: string | undefined; requestId: string }> = [];
let server: GraphQLHttpServer;
let url: string;

beforeAll(async () => {
  const typeDefs = parse(`
    extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
    type Query { ok: String! missing: String! broken: String! }
    type Thing @key(fields: "id") { id: ID! label: String! }
  `);
  const resolvers = {
    Query: {
      ok: () => 'fine',
      missing: () => {
        throw DomainError.notFound('Thing', 't9');
      },
      broken: () => {
        throw new Error('connection terminated unexpectedly');
      },
    },
    Thing: { __resolveReference: ({ id }: { id: string }) => (id === 'unknown' ? null : { id, label: `thing ${id}` }) },
  };
  server = await createSubgraphServer({
    name: 'things',
    schema: buildSubgraphSchema([{ typeDefs, resolvers }]),
    logger: createLogger({ name: 'things', level: 'silent' }),
    createContext: async (request: RequestInfo) => {
      seen.push({ authorization: request.headers.authorization, requestId: request.requestId });
      return { ...request };
    },
    isReady: async () => true,
    processMetrics: false,
  });
  url = await server.listen(0);
});

afterAll(() => server?.stop());

describe('a service client', () => {
  const client = () => createServiceClient({ name: 'things', url });

  it('forwards the caller’s credentials and request id', async () => {
    seen.length = 0;
    await expect(client().request('{ ok }', {}, { authorization: 'Bearer abc', requestId: 'req-1' })).resolves.toEqual({ ok: 'fine' });
    expect(seen).toEqual([{ authorization: 'Bearer abc', requestId: 'req-1' }]);
  });

  it('resolves entities in order, null for unknown ones, in one request', async () => {
    seen.length = 0;
    const things = await client().entities<{ id: string; label: string }>('Thing', [{ id: 'a' }, { id: 'unknown' }, { id: 'b' }], 'id label');
    expect(things).toEqual([{ id: 'a', label: 'thing a' }, null, { id: 'b', label: 'thing b' }]);
    expect(seen).toHaveLength(1);
  });

  it('rethrows a registered error code from the other service', async () => {
    await expect(client().request('{ missing }')).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND', id: 't9' } });
  });

  it('turns an unexpected error or an unreachable service into SERVICE_UNAVAILABLE naming it', async () => {
    await expect(client().request('{ broken }')).rejects.toMatchObject({ extensions: { code: 'SERVICE_UNAVAILABLE' } });
    const down = createServiceClient({ name: 'things', url: 'http://127.0.0.1:1/graphql' });
    await expect(down.request('{ ok }')).rejects.toThrow('The things service is unavailable');
  });
});
