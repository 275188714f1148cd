import { Role } from '@techally/platform';
import { registerEnumType } from 'type-graphql';

// The platform's Role (what access tokens carry) is the GraphQL enum, so the two cannot drift apart.
registerEnumType(Role, {
  name: 'Role',
  description: 'What a user may do: CUSTOMER shops, ADMIN also manages the shop.',
  valuesConfig: {
    CUSTOMER: { description: 'Shops: orders, addresses, reviews of their own.' },
    ADMIN: { description: 'Manages users, catalogue, stock and orders.' },
  },
});

export { Role };
