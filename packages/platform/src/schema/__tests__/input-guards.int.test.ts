import { Arg, Directive, Field, ID, InputType, ObjectType, Query, Resolver } from 'type-graphql';
import { postGraphQL } from '@techally/testing';
import { buildFederatedSchema, createLogger, createSubgraphServer, type GraphQLHttpServer } from '../..';

// What every subgraph built with buildFederatedSchema refuses before its resolvers run (issue #9).

const KNOWN_ID = '0f8fad5b-d9cb-469f-a165-70867728950e';

@ObjectType('Note')
@Directive('@key(fields: "id")')
class Note {
  @Field(() => ID) id!: string;
  @Field() text!: string;
}

@InputType('NoteInput')
class NoteInput {
  @Field() text!: string;
  @Field(() => [String], { nullable: true }) tags?: string[];
}

/** What each resolver was called with: a refused argument must never reach one. */
const reached: string[] = [];

@Resolver(() => Note)
class NoteResolver {
  @Query(() => String)
  echo(@Arg('text') text: string): string {
    reached.push(text);
    return text;
  }

  @Query(() => Note)
  note(@Arg('input', () => NoteInput) input: NoteInput): Note {
    reached.push(input.text);
    return { id: KNOWN_ID, text: input.text };
  }
}

let server: GraphQLHttpServer;
let url: string;

beforeAll(async () => {
  const schema = await buildFederatedSchema({
    resolvers: [NoteResolver],
    referenceResolvers: { Note: (reference) => (reference['id'] === KNOWN_ID ? { id: KNOWN_ID, text: 'known' } : null) },
  });
  server = await createSubgraphServer({
    name: 'guards-test',
    schema,
    logger: createLogger({ name: 'guards-test', level: 'silent' }),
    createContext: async (request) => ({ ...request }),
    isReady: async () => true,
    processMetrics: false,
  });
  url = await server.listen(0);
});

afterAll(async () => {
  await server?.stop();
});

beforeEach(() => reached.splice(0));

describe('a NUL character in an argument', () => {
  it.each([
    ['a literal', '{ echo(text: "secret\\u0000") }', {}, 'text'],
    ['a variable', 'query($t: String!) { echo(text: $t) }', { t: 'secret\u0000' }, 'text'],
    ['an input object field', 'query($i: NoteInput!) { note(input: $i) { id } }', { i: { text: 'secret\u0000' } }, 'input.text'],
    ['a list item of an input object', 'query($i: NoteInput!) { note(input: $i) { id } }', { i: { text: 'fine', tags: ['ok', 'secret\u0000'] } }, 'input.tags[1]'],
  ])('in %s is BAD_USER_INPUT naming the argument, not repeating it, and no resolver runs', async (_label, query, variables, field) => {
    const response = await postGraphQL(url, query, variables);
    expect(response.errors).toEqual([
      expect.objectContaining({ message: expect.stringContaining(`"${field}"`), extensions: { code: 'BAD_USER_INPUT', field } }),
    ]);
    expect(JSON.stringify(response)).not.toContain('secret');
    expect(reached).toEqual([]);
  });

  it('is the only thing refused: any other text passes, control characters included', async () => {
    const response = await postGraphQL(url, 'query($t: String!) { echo(text: $t) }', { t: 'line\none\u202E' });
    expect(response).toEqual({ data: { echo: 'line\none\u202E' } });
  });
});

describe('_entities representations', () => {
  const ENTITIES = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Note { id text } } }';

  it('answers BAD_USER_INPUT for each one this subgraph cannot be asked about, and resolves the rest', async () => {
    const response = await postGraphQL(url, ENTITIES, {
      r: [
        { __typename: 'Nope', id: KNOWN_ID },
        { __typename: 'Note', id: 'not-a-uuid' },
        { __typename: 'Note', id: KNOWN_ID },
        { id: KNOWN_ID },
        'Note',
        { __typename: 'Query' },
        { __typename: 'Note', id: 42 },
      ],
    });
    expect(response.data).toEqual({ _entities: [null, null, { id: KNOWN_ID, text: 'known' }, null, null, null, null] });
    expect(response.errors?.map((error) => [error.path, error.extensions])).toEqual([
      [['_entities', 0], { code: 'BAD_USER_INPUT', field: 'representations[0].__typename' }],
      [['_entities', 1], { code: 'BAD_USER_INPUT', field: 'representations[1].id' }],
      [['_entities', 3], { code: 'BAD_USER_INPUT', field: 'representations[3].__typename' }],
      [['_entities', 4], { code: 'BAD_USER_INPUT', field: 'representations[4]' }],
      [['_entities', 5], { code: 'BAD_USER_INPUT', field: 'representations[5].__typename' }],
      [['_entities', 6], { code: 'BAD_USER_INPUT', field: 'representations[6].id' }],
    ]);
    expect(JSON.stringify(response.errors)).not.toContain('not-a-uuid');
    expect(JSON.stringify(response.errors)).not.toContain('Nope');
  });

  it('refuses a NUL anywhere in them with BAD_USER_INPUT naming where', async () => {
    const response = await postGraphQL(url, ENTITIES, { r: [{ __typename: 'Note', id: KNOWN_ID, sku: 'a\u0000' }] });
    expect(response.errors?.map((error) => error.extensions)).toEqual([{ code: 'BAD_USER_INPUT', field: 'representations[0].sku' }]);
  });

  it('leaves a well-formed batch to the reference resolvers as it is', async () => {
    const response = await postGraphQL(url, ENTITIES, { r: [{ __typename: 'Note', id: KNOWN_ID }, { __typename: 'Note', id: '00000000-0000-4000-8000-000000000000' }] });
    expect(response).toEqual({ data: { _entities: [{ id: KNOWN_ID, text: 'known' }, null] } });
  });
});
