import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { createEvent, type EnvelopeOf } from '@techally/events';
import { createTestDatabase, type TestDatabase } from '@techally/testing';
import { migrate, type SubgraphOrm } from '@techally/platform';
import { createNotificationsOrm } from '../../database';
import { LEARN_RECIPIENTS, learnRecipientsConsumer, type RECIPIENT_EVENT_TYPES } from '../learn-recipients.consumer';
import { RecipientDirectory } from '../recipient-directory';

// The directory on the real PostgreSQL, fed through its consumer as the bus would: the newest snapshot wins
// whatever order, however often the users events arrive.
let database: TestDatabase;
let orm: SubgraphOrm;

beforeAll(async () => {
  database = await createTestDatabase();
  orm = await createNotificationsOrm({ databaseUrl: database.url, poolMax: database.poolMax });
  await migrate(orm);
}, 60_000);

afterAll(async () => {
  await orm?.close();
  await database?.drop();
});

const at = (minute: number) => ({ occurredAt: new Date(Date.UTC(2026, 11, 7, 12, minute)) });
const directory = () => new RecipientDirectory(orm.em.fork() as EntityManager);
const deliver = (event: EnvelopeOf<(typeof RECIPIENT_EVENT_TYPES)[number]>) =>
  learnRecipientsConsumer(orm).handle(event, { deliveries: 1, group: LEARN_RECIPIENTS, consumer: 'test' });

function registered(userId: string, minute: number, email = 'ada@example.com') {
  return createEvent('users.user-registered.v1', userId, { userId, email, name: 'Ada Lovelace', roles: ['CUSTOMER'] }, {}, at(minute));
}
function changed(userId: string, minute: number, facts: { email?: string; name?: string; roles?: string[] }) {
  const payload = { userId, email: facts.email ?? 'ada@example.com', name: facts.name ?? 'Ada Lovelace', roles: facts.roles ?? ['CUSTOMER'] };
  return createEvent('users.user-changed.v1', userId, payload, {}, at(minute));
}

describe('the recipient directory (notifications.learn-recipients)', () => {
  it('knows a user once registered, and nobody it was not told about', async () => {
    const userId = randomUUID();
    await deliver(registered(userId, 0));
    await expect(directory().find(userId)).resolves.toEqual({ userId, email: 'ada@example.com', name: 'Ada Lovelace', roles: ['CUSTOMER'] });
    await expect(directory().find(randomUUID())).resolves.toBeNull();
  });

  it('keeps the newest snapshot when a change overtakes the registration, and ignores a duplicate', async () => {
    const userId = randomUUID();
    const change = changed(userId, 5, { email: 'ada.king@example.com', name: 'Ada King' });
    await deliver(change);
    await deliver(registered(userId, 0));
    await deliver(change);
    await expect(directory().find(userId)).resolves.toMatchObject({ email: 'ada.king@example.com', name: 'Ada King' });
  });

  it('lists staff (ADMIN) only, and follows a user who gains or loses the role', async () => {
    const [clerk, customer] = [randomUUID(), randomUUID()];
    await deliver(registered(customer, 0, 'c@example.com'));
    await deliver(registered(clerk, 0, 'clerk@example.com'));
    await deliver(changed(clerk, 1, { email: 'clerk@example.com', roles: ['CUSTOMER', 'ADMIN'] }));
    expect((await directory().staff()).map((r) => r.userId)).toContain(clerk);
    expect((await directory().staff()).map((r) => r.userId)).not.toContain(customer);
    await deliver(changed(clerk, 2, { email: 'clerk@example.com', roles: ['CUSTOMER'] }));
    expect((await directory().staff()).map((r) => r.userId)).not.toContain(clerk);
  });
});
