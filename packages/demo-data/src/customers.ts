/**
 * The demo shop's customers (documented in subgraphs/users/README.md). Their ids are fixed so every
 * subgraph's demo data (orders, reviews) can refer to the same people; the users subgraph creates the accounts.
 */
export const DEMO_CUSTOMERS = [
  {
    id: '6f1c1f0e-8a4b-4c53-9a38-2f5d6a1b0001',
    email: 'ada@example.com',
    password: 'correct-horse-battery',
    name: 'Ada Lovelace',
    address: { label: 'Home', fullName: 'Ada Lovelace', line1: '12 St James\'s Square', city: 'London', postalCode: 'SW1Y 4JH', country: 'GB', phone: '+44 20 7946 0001' },
  },
  {
    id: '6f1c1f0e-8a4b-4c53-9a38-2f5d6a1b0002',
    email: 'grace@example.com',
    password: 'compilers-are-friends',
    name: 'Grace Hopper',
    address: { label: 'Home', fullName: 'Grace Hopper', line1: '401 Broadway', city: 'New York', region: 'NY', postalCode: '10013', country: 'US', phone: '+1 212 555 0102' },
  },
  {
    id: '6f1c1f0e-8a4b-4c53-9a38-2f5d6a1b0003',
    email: 'alan@example.com',
    password: 'enigma-bombe-1941',
    name: 'Alan Turing',
    address: { label: 'Office', fullName: 'Alan Turing', line1: 'Bletchley Park', line2: 'Sherwood Drive', city: 'Milton Keynes', postalCode: 'MK3 6EB', country: 'GB', phone: null },
  },
] as const;
