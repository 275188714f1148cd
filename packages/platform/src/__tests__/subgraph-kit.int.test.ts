import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { Migration } from '@mikro-orm/migrations';
import { Arg, Directive, Field, ID, ObjectType, Query, Resolver } from 'type-graphql';
import { createTestDatabase, postGraphQL, type TestDatabase } from '@techally/testing';
import {
  buildFederatedSchema,
  createLogger,
  createOrm,
  createSubgraphServer,
  DomainError,
  isDatabaseReachable,
  migrate,
  type GraphQLHttpServer,
  type SubgraphOrm,
} from '..';

/** Entity ids of the graph are UUIDs; `_entities` refuses any other. */
const GREETING_ID = '9a0c2f4e-1b3d-4e5f-8a7b-6c5d4e3f2a10';

@Entity({ tableName: 'greeting' })
class GreetingRow {
  @PrimaryKey({ type: 'text' }) id!: string;
  @Property({ type: 'text' }) text!: string;
}

class CreateGreeting extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "users"."greeting" ("id" text primary key, "text" text not null);`);
    this.addSql(`insert into "users"."greeting" values ('${GREETING_ID}', 'hello');`);
  }
}

@ObjectType('Greeting')
@Directive('@key(fields: "id")')
class Greeting {
  @Field(() => ID) id!: string;
  @Field() text!: string;
}

@Resolver(() => Greeting)
class GreetingResolver {
  @Query(() => Greeting, { nullable: true })
  async greeting(@Arg('id', () => ID) id: string): Promise<Greeting | null> {
    if (id === 'boom') throw new Error('secret driver detail');
    if (id === 'missing') throw DomainError.notFound('Greeting', id);
    return currentOrm.em.fork().findOne(GreetingRow, { id });
  }
}

let currentOrm: SubgraphOrm;
let database: TestDatabase;
let server: GraphQLHttpServer;
let url: string;

beforeAll(async () => {
  database = await createTestDatabase();
  currentOrm = await createOrm({
    schema: 'users',
    databaseUrl: database.url,
    entities: [GreetingRow],
    migrations: [{ name: 'CreateGreeting', class: CreateGreeting }],
    poolMax: database.poolMax,
  });
  await migrate(currentOrm);
  const schema = await buildFederatedSchema({
    resolvers: [GreetingResolver],
    referenceResolvers: {
      Greeting: (reference) => currentOrm.em.fork().findOne(GreetingRow, { id: String(reference['id']) }),
    },
  });
  server = await createSubgraphServer({
    name: 'kit-test',
    schema,
    logger: createLogger({ name: 'kit-test', level: 'silent' }),
    createContext: async (request) => ({ ...request }),
    isReady: () => isDatabaseReachable(currentOrm),
  });
  url = await server.listen(0);
});

afterAll(async () => {
  await server?.stop();
  await currentOrm?.close();
  await database?.drop();
});

describe('the subgraph kit', () => {
  it('serves a code-first entity from a migrated schema', async () => {
    const response = await postGraphQL(url, `{ greeting(id: "${GREETING_ID}") { id text } }`);
    expect(response).toEqual({ data: { greeting: { id: GREETING_ID, text: 'hello' } } });
  });

  it('resolves the entity by its key through _entities', async () => {
    const response = await postGraphQL(
      url,
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Greeting { text } } }',
      { r: [{ __typename: 'Greeting', id: GREETING_ID }] },
    );
    expect(response.data).toEqual({ _entities: [{ text: 'hello' }] });
  });

  it('prints the federation link and the key in its SDL', async () => {
    const response = await postGraphQL<{ _service: { sdl: string } }>(url, '{ _service { sdl } }');
    expect(response.data?._service.sdl).toContain('@link(url: "https://specs.apollo.dev/federation/v2.7"');
    expect(response.data?._service.sdl).toMatch(/type Greeting\s+@key\(fields: "id"\)/);
  });

  it('keeps a domain error code and masks an unexpected error', async () => {
    const missing = await postGraphQL(url, '{ greeting(id: "missing") { id } }');
    expect(missing.errors?.[0]).toMatchObject({ extensions: { code: 'NOT_FOUND' } });
    const boom = await postGraphQL(url, '{ greeting(id: "boom") { id } }');
    expect(boom.errors?.[0]?.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    expect(JSON.stringify(boom)).not.toContain('secret driver detail');
  });

  it('answers health, and metrics on a port of their own', async () => {
    const base = url.replace('/graphql', '');
    expect((await fetch(`${base}/health/live`)).status).toBe(200);
    expect((await fetch(`${base}/health/ready`)).status).toBe(200);
    expect((await fetch(`${base}/metrics`)).status).toBe(404);
    expect(await (await fetch(server.metricsUrl!)).text()).toContain('graphql_operations_total');
  });
});
