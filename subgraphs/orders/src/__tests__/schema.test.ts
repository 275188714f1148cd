import {
  graphql,
  Kind,
  parse,
  print,
  type DocumentNode,
  type FieldDefinitionNode,
  type GraphQLObjectType,
  type GraphQLSchema,
  type InputValueDefinitionNode,
} from 'graphql';
import { buildOrdersSchema } from '..';
import { CancellationReason } from '../order/cancellation-reason';

// buildOrdersSchema needs no database and no configuration: the compose script prints SDL from it.
describe('the orders subgraph schema', () => {
  let schema: GraphQLSchema;
  let sdl: string;
  let document: DocumentNode;

  beforeAll(async () => {
    schema = await buildOrdersSchema();
    // What the composition tooling reads: the subgraph's own `_service.sdl`.
    const result = await graphql({ schema, source: '{ _service { sdl } }' });
    sdl = (result.data as { _service: { sdl: string } })._service.sdl;
    document = parse(sdl);
  });

  /** The fields of a type or input of the SDL, each printed on one line without its description. */
  function fieldsOf(name: string): string[] {
    const definition = document.definitions.find((node) => 'name' in node && node.name?.value === name);
    if (!definition || !('fields' in definition) || !definition.fields) throw new Error(`no type ${name} in the SDL`);
    const plain = <T extends FieldDefinitionNode | InputValueDefinitionNode>(node: T): T => ({
      ...node,
      description: undefined,
      ...(node.kind === Kind.FIELD_DEFINITION ? { arguments: node.arguments?.map(plain) } : {}),
    });
    return (definition.fields as ReadonlyArray<FieldDefinitionNode | InputValueDefinitionNode>).map((field) => print(plain(field)));
  }

  it('links federation and keys Order by id', () => {
    expect(sdl).toContain('@link(url: "https://specs.apollo.dev/federation/v2.7"');
    expect(sdl).toMatch(/type Order\s+@key\(fields: "id"\)/);
  });

  it('describes an order as the contract says', () => {
    expect(fieldsOf('Order')).toEqual([
      'id: ID!',
      'number: String!',
      'status: OrderStatus!',
      'customer: User!',
      'items: [OrderItem!]!',
      'subtotal: Money!',
      'shipping: Money!',
      'tax: Money!',
      'total: Money!',
      'shippingAddress: ShippingAddress!',
      'statusHistory: [OrderStatusChange!]!',
      'placedAt: DateTime!',
      'updatedAt: DateTime!',
      'paymentDueAt: DateTime',
      'cancellationReason: String',
    ]);
    expect(fieldsOf('OrderItem')).toEqual([
      'id: ID!',
      'product: Product! @provides(fields: "sku")',
      'sku: String!',
      'name: String!',
      'unitPrice: Money!',
      'quantity: Int!',
      'lineTotal: Money!',
    ]);
    expect(fieldsOf('OrderStatusChange')).toEqual(['from: OrderStatus', 'status: OrderStatus!', 'reason: String!', 'at: DateTime!']);
    expect(fieldsOf('ShippingAddress')).toEqual([
      'fullName: String!',
      'line1: String!',
      'line2: String',
      'city: String!',
      'region: String',
      'postalCode: String!',
      'country: String!',
      'phone: String',
    ]);
    expect(sdl).toMatch(/enum OrderStatus \{[^}]*PENDING[^}]*AWAITING_PAYMENT[^}]*PAID[^}]*FULFILLED[^}]*CANCELLED[^}]*REFUNDED[^}]*\}/);
  });

  it('extends User with its orders, and Product with a shipping estimate that requires price and weight', () => {
    expect(sdl).toMatch(/type User\s+@key\(fields: "id"\)/);
    expect(fieldsOf('User')).toEqual(['id: ID!', 'orders(first: Int = 20, after: String): OrderConnection!']);
    expect(sdl).toMatch(/type Product\s+@key\(fields: "id"\)/);
    expect(fieldsOf('Product')).toEqual([
      'id: ID!',
      'sku: String! @external',
      'weight: Int! @external',
      'price: Money! @external',
      'shippingEstimate: Money! @requires(fields: "weight price { amount currency }") @tag(name: "partner")',
    ]);
  });

  it('shares Money and PageInfo with the other subgraphs', () => {
    expect(sdl).toMatch(/type Money\s+@shareable/);
    expect(sdl).toMatch(/type PageInfo\s+@shareable/);
  });

  it('offers the order queries and mutations with their documented arguments', () => {
    expect(fieldsOf('Query')).toEqual(expect.arrayContaining(['order(id: ID!): Order', 'orders(filter: OrderFilter, first: Int = 20, after: String): OrderConnection!']));
    expect(fieldsOf('OrderFilter')).toEqual(['status: OrderStatus', 'customerId: ID']);
    expect(fieldsOf('OrderConnection')).toEqual(['edges: [OrderEdge!]!', 'pageInfo: PageInfo!', 'totalCount: Int!']);
    expect(fieldsOf('Mutation')).toEqual([
      'placeOrder(input: PlaceOrderInput!): Order!',
      'cancelOrder(id: ID!): Order!',
      'fulfillOrder(id: ID!): Order!',
    ]);
  });

  it('documents every cancellation code on Order.cancellationReason', () => {
    const field = (schema.getType('Order') as GraphQLObjectType).getFields()['cancellationReason'];
    for (const code of Object.values(CancellationReason)) expect(field?.description).toContain(code);
  });

  it('has no price anywhere a client could send one', () => {
    expect(fieldsOf('OrderLineInput')).toEqual(['productId: ID!', 'quantity: Int!']);
    expect(fieldsOf('PlaceOrderInput')).toEqual(['items: [OrderLineInput!]!', 'shippingAddressId: ID!', 'idempotencyKey: String!']);
  });

  it('tags for partners only the public, non-personal field it owns (and the shared page type of connections)', () => {
    const isPartnerTag = (directive: { name: { value: string }; arguments?: ReadonlyArray<{ value: unknown }> }) =>
      directive.name.value === 'tag' && directive.arguments?.some((argument) => (argument.value as { value?: string }).value === 'partner');
    const taggedTypes: string[] = [];
    const taggedFields: string[] = [];
    for (const definition of document.definitions) {
      if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
      if (definition.directives?.some(isPartnerTag)) taggedTypes.push(definition.name.value);
      for (const field of definition.fields ?? []) {
        if (field.directives?.some(isPartnerTag)) taggedFields.push(`${definition.name.value}.${field.name.value}`);
      }
    }
    // PageInfo is the platform's connection page type, tagged in every subgraph that defines it (@shareable).
    expect(taggedTypes).toEqual(['PageInfo']);
    expect(taggedFields.sort()).toEqual(['Money.amount', 'Money.currency', 'Money.formatted', 'Product.shippingEstimate']);
  });

  describe('Product.shippingEstimate, from what the router sends', () => {
    const ESTIMATE = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Product { id shippingEstimate { amount currency formatted } } } }`;
    // Entity ids are UUIDs: the platform refuses any other id in a representation (issue #9, item 13).
    const ID = { light: '00000000-0000-4000-8000-00000000000a', heavy: '00000000-0000-4000-8000-00000000000b', dear: '00000000-0000-4000-8000-00000000000c', euro: '00000000-0000-4000-8000-00000000000d' } as const;
    const product = (id: string, amount: number, currency: string, weight: number) => ({ __typename: 'Product', id, weight, price: { amount, currency } });

    it('applies the one shipping policy checkout charges', async () => {
      const result = await graphql({
        schema,
        source: ESTIMATE,
        variableValues: {
          r: [product(ID.light, 1_999, 'USD', 200), product(ID.heavy, 3_500, 'USD', 8_000), product(ID.dear, 34_900, 'USD', 250), product(ID.euro, 50_000, 'EUR', 300)],
        },
        contextValue: {},
      });
      expect(result).toEqual({
        data: {
          _entities: [
            { id: ID.light, shippingEstimate: { amount: 499, currency: 'USD', formatted: '$4.99' } },
            { id: ID.heavy, shippingEstimate: { amount: 1_199, currency: 'USD', formatted: '$11.99' } },
            { id: ID.dear, shippingEstimate: { amount: 0, currency: 'USD', formatted: '$0.00' } },
            { id: ID.euro, shippingEstimate: { amount: 499, currency: 'USD', formatted: '$4.99' } },
          ],
        },
      });
    });
  });
});
