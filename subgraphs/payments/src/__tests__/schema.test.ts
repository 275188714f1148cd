import { graphql } from 'graphql';
import { buildPaymentsSchema } from '..';

// buildPaymentsSchema needs no database and no configuration: the compose script prints SDL from it.
describe('the payments subgraph schema', () => {
  let sdl: string;

  beforeAll(async () => {
    // What the composition tooling reads: the subgraph's own `_service.sdl`.
    const result = await graphql({ schema: await buildPaymentsSchema(), source: '{ _service { sdl } }' });
    sdl = (result.data as { _service: { sdl: string } })._service.sdl;
  });

  it('links federation, keys Payment by id and adds payment to the orders subgraph’s Order', () => {
    expect(sdl).toContain('@link(url: "https://specs.apollo.dev/federation/v2.7"');
    expect(sdl).toMatch(/type Payment\s+@key\(fields: "id"\)/);
    expect(sdl).toMatch(/type Order\s+@key\(fields: "id"\)\s+@cacheControl\(scope: PRIVATE\)\s*\{\s*id: ID!\s*"""[^"]*"""\s*payment: Payment\s*\}/);
  });

  it('describes the payment as the contract says, with the customer id @inaccessible', () => {
    for (const field of [
      'id: ID!',
      'order: Order!',
      'amount: Money!',
      'status: PaymentStatus!',
      'provider: String!',
      'attempts: Int!',
      'failureCode: String',
      'createdAt: DateTime!',
      'updatedAt: DateTime!',
      'customerId: ID! @inaccessible',
    ]) {
      expect(sdl).toContain(field);
    }
    expect(sdl).toMatch(/enum PaymentStatus \{[^}]*PENDING[^}]*SUCCEEDED[^}]*FAILED[^}]*CANCELLED[^}]*REFUNDED[^}]*\}/);
  });

  it('shares Money with the other subgraphs', () => {
    expect(sdl).toMatch(/type Money\s+@shareable/);
  });

  it('offers the payment query and mutations; no amount can be sent', () => {
    expect(sdl).toContain('payment(id: ID!): Payment');
    expect(sdl).toContain('confirmPayment(input: ConfirmPaymentInput!): Payment!');
    expect(sdl).toContain('refundPayment(id: ID!): Payment!');
    expect(sdl).toMatch(/input ConfirmPaymentInput \{[^}]*orderId: ID![^}]*card: CardInput![^}]*\}/);
    expect(sdl).toMatch(/input CardInput \{[^}]*number: String![^}]*expMonth: Int![^}]*expYear: Int![^}]*cvc: String![^}]*\}/);
    expect(sdl).not.toMatch(/input ConfirmPaymentInput \{[^}]*\n\s*amount:/);
  });

  it('tags nothing for partners: a payment is personal data', () => {
    expect(sdl).not.toMatch(/type Payment[^}]*@tag/);
  });
});
