import { Field, ObjectType, Query, Resolver } from 'type-graphql';
import { createTestDatabase, type TestDatabase } from '@techally/testing';
import { assembleSubgraph, buildFederatedSchema, createLogger, createOrm, isDatabaseReachable, type BackgroundWorker, type SubgraphApp } from '../..';

@ObjectType('Pulse')
class Pulse {
  @Field() alive!: boolean;
}

@Resolver(() => Pulse)
class PulseResolver {
  @Query(() => Pulse)
  pulse(): Pulse {
    return { alive: true };
  }
}

let database: TestDatabase;
let app: SubgraphApp | null = null;
const log: string[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
});
afterEach(async () => {
  await app?.stop();
  app = null;
  log.splice(0);
});
afterAll(() => database?.drop());

/** A worker that records its life, and whether the pool was still open when it stopped. */
function worker(name: string, options: { failStart?: boolean } = {}): BackgroundWorker {
  return {
    name,
    async start() {
      if (options.failStart) throw new Error(`${name} cannot start`);
      log.push(`start ${name}`);
    },
    async stop() {
      log.push(`stop ${name} (pool open: ${await isDatabaseReachable(currentOrm!)})`);
    },
  };
}

let currentOrm: Awaited<ReturnType<typeof createOrm>> | null = null;

async function assemble(workers: BackgroundWorker[]): Promise<SubgraphApp> {
  currentOrm = await createOrm({ schema: 'users', databaseUrl: database.url, entities: [], migrations: [], poolMax: database.poolMax });
  const orm = currentOrm;
  app = await assembleSubgraph({
    name: 'assembly-test',
    config: { host: '127.0.0.1', jwksUrl: 'http://127.0.0.1:9/jwks', jwtIssuer: 'https://issuer.test', jwtAudience: 'test' } as never,
    orm,
    logger: createLogger({ name: 'assembly-test', level: 'silent' }),
    options: { processMetrics: false },
    buildSchema: () => buildFederatedSchema({ resolvers: [PulseResolver] }),
    createContext: () => async (request) => ({ ...request }),
    seed: async () => undefined,
    workers,
    closeables: [
      async () => {
        log.push(`close bus (pool open: ${await isDatabaseReachable(orm)})`);
      },
    ],
  });
  return app;
}

describe('assembleSubgraph’s background workers', () => {
  it('starts them once the server listens, and on stop ends them newest first while the pool is still open, then the closeables', async () => {
    const subgraph = await assemble([worker('relay'), worker('consumer')]);
    expect(log).toEqual([]);
    const url = await subgraph.listen(0);
    expect(log).toEqual(['start relay', 'start consumer']);
    expect((await fetch(url.replace('/graphql', '/health/live'))).status).toBe(200);

    await subgraph.stop();
    app = null;
    expect(log).toEqual(['start relay', 'start consumer', 'stop consumer (pool open: true)', 'stop relay (pool open: true)', 'close bus (pool open: false)']);
  });

  it('rejects listen when a worker cannot start, having stopped the ones already started; stop still closes everything', async () => {
    const subgraph = await assemble([worker('relay'), worker('consumer', { failStart: true }), worker('sweeper')]);
    await expect(subgraph.listen(0)).rejects.toThrow('consumer cannot start');
    expect(log).toEqual(['start relay', 'stop relay (pool open: true)']);

    await subgraph.stop();
    app = null;
    expect(log).toEqual(['start relay', 'stop relay (pool open: true)', 'close bus (pool open: false)']);
  });
});
