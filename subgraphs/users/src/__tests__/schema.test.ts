import { graphql, printType, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { buildUsersSchema } from '..';

let schema: GraphQLSchema;

beforeAll(async () => {
  // No database, no configuration: this is what the compose script does to print the SDL.
  schema = await buildUsersSchema();
});

function fieldsOf(typeName: string): Record<string, string> {
  const type = schema.getType(typeName) as GraphQLObjectType;
  return Object.fromEntries(
    Object.values(type.getFields()).map((field) => [
      field.name,
      `${field.args.map((arg) => `${arg.name}: ${String(arg.type)}`).join(', ')} -> ${String(field.type)}`,
    ]),
  );
}

describe('the users schema', () => {
  it('declares User as an entity keyed by id, in its federation SDL', async () => {
    const result = await graphql({ schema, source: '{ _service { sdl } }' });
    const sdl = (result.data as { _service: { sdl: string } })._service.sdl;
    expect(sdl).toContain('@link(url: "https://specs.apollo.dev/federation/v2.7"');
    expect(sdl).toMatch(/type User\s+@key\(fields: "id"\)/);
  });

  it('has the User and Address the rest of the graph relies on', () => {
    expect(Object.keys(fieldsOf('User'))).toEqual(['id', 'email', 'name', 'roles', 'createdAt', 'addresses']);
    expect(fieldsOf('User')).toMatchObject({ roles: ' -> [Role!]!', createdAt: ' -> DateTime!', addresses: ' -> [Address!]!' });
    expect(Object.keys(fieldsOf('Address'))).toEqual([
      'id', 'label', 'fullName', 'line1', 'line2', 'city', 'region', 'postalCode', 'country', 'phone', 'isDefault',
    ]);
    expect(printType(schema.getType('Role')!)).toMatch(/CUSTOMER[\s\S]*ADMIN/);
  });

  it('has the queries and mutations of the contract', () => {
    expect(fieldsOf('Query')).toMatchObject({
      me: ' -> User',
      user: 'id: ID! -> User',
      users: expect.stringMatching(/-> UserConnection!$/),
    });
    expect(fieldsOf('Mutation')).toMatchObject({
      signUp: 'input: SignUpInput! -> AuthPayload!',
      logIn: expect.stringMatching(/-> AuthPayload!$/),
      refreshSession: 'refreshToken: String! -> AuthPayload!',
      logOut: 'refreshToken: String! -> Boolean!',
      updateProfile: 'input: UpdateProfileInput! -> User!',
      addAddress: 'input: AddAddressInput! -> Address!',
      updateAddress: expect.stringMatching(/-> Address!$/),
      deleteAddress: 'id: ID! -> Boolean!',
      setDefaultAddress: 'id: ID! -> Address!',
    });
    expect(Object.keys(fieldsOf('AuthPayload')).sort()).toEqual(['accessToken', 'accessTokenExpiresAt', 'refreshToken', 'user']);
    expect(Object.keys(fieldsOf('UserConnection'))).toEqual(['edges', 'pageInfo', 'totalCount']);
  });
});
