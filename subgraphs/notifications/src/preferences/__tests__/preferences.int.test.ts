import { randomUUID } from 'node:crypto';
import { generateVAPIDKeys } from 'web-push';
import { DeliveryFailure, FakeSmsSender, type NotificationsSubgraph } from '../..';
import { startNotificationsHarness, type Caller, type NotificationsHarness } from '../../__tests__/notifications-harness';
import { startLocalPushService, testBrowser, type LocalPushService } from '../../push/__tests__/local-push-service';
import { TRANSACTIONAL_EMAIL_REASON } from '../preference.service';

// Preferences and push subscriptions through the subgraph's GraphQL on the real PostgreSQL (README.md,
// *Preferences*), the production DeliveryTargetResolver reading what was stored, and the push sender the
// subgraph builds forgetting a subscription its push service says is gone.
const vapid = generateVAPIDKeys();

let pushService: LocalPushService;
let harness: NotificationsHarness;
let subgraph: NotificationsSubgraph;

beforeAll(async () => {
  pushService = await startLocalPushService();
  harness = await startNotificationsHarness({ env: { VAPID_PUBLIC_KEY: vapid.publicKey, VAPID_PRIVATE_KEY: vapid.privateKey }, pushAgent: pushService.agent });
  ({ subgraph } = harness);
}, 60_000);

afterAll(async () => {
  await harness?.stop();
  await pushService?.close();
});

const caller = (roles?: string[]): Promise<Caller> => harness.caller(roles);

const PREFERENCES_FIELDS = 'categories { category email sms push emailLocked lockedReason } smsNumber pushSubscriptions';
const READ = `query Preferences($id: ID!) { _entities(representations: [{ __typename: "User", id: $id }]) { ... on User { notificationPreferences { ${PREFERENCES_FIELDS} } } } }`;
const UPDATE = `mutation Update($input: UpdateNotificationPreferencesInput!) { updateNotificationPreferences(input: $input) { ${PREFERENCES_FIELDS} } }`;
const REGISTER = `mutation Register($subscription: PushSubscriptionInput!) { registerPushSubscription(subscription: $subscription) { pushSubscriptions } }`;
const UNREGISTER = `mutation Unregister($endpoint: String!) { unregisterPushSubscription(endpoint: $endpoint) { pushSubscriptions } }`;

interface CategoryPreference {
  category: string;
  email: boolean;
  sms: boolean;
  push: boolean;
  emailLocked: boolean;
  lockedReason: string | null;
}
interface Preferences {
  categories: CategoryPreference[];
  smsNumber: string | null;
  pushSubscriptions: number;
}
interface Data {
  _entities: Array<{ notificationPreferences: Preferences }>;
  updateNotificationPreferences: Preferences;
  registerPushSubscription: Pick<Preferences, 'pushSubscriptions'>;
  unregisterPushSubscription: Pick<Preferences, 'pushSubscriptions'>;
  pushPublicKey: string | null;
}

const request = (as: Caller | null, operation: string, variables: Record<string, unknown> = {}) => harness.query<Data>(as, operation, variables);
const codesOf = (response: { errors?: ReadonlyArray<{ extensions?: Record<string, unknown> }> }) => response.errors?.map((error) => error.extensions?.['code']);

async function preferencesOf(user: Caller): Promise<Preferences> {
  const response = await request(user, READ, { id: user.userId });
  if (!response.data?._entities[0]) throw new Error(JSON.stringify(response.errors));
  return response.data._entities[0].notificationPreferences;
}

async function update(user: Caller, input: Record<string, unknown>): Promise<Preferences> {
  const response = await request(user, UPDATE, { input });
  if (!response.data) throw new Error(JSON.stringify(response.errors));
  return response.data.updateNotificationPreferences;
}

/** A fresh endpoint on the local push service. */
const endpoint = () => `${pushService.origin}/push/${randomUUID()}`;
const choice = (preferences: Preferences, category: string) => preferences.categories.find((entry) => entry.category === category);

describe('User.notificationPreferences', () => {
  it('starts from the defaults: email for all but MARKETING, no SMS, no push; order updates locked on, and says why', async () => {
    const ada = await caller();
    expect(await preferencesOf(ada)).toEqual({
      categories: [
        { category: 'ORDER_UPDATES', email: true, sms: false, push: false, emailLocked: true, lockedReason: TRANSACTIONAL_EMAIL_REASON },
        { category: 'REVIEWS', email: true, sms: false, push: false, emailLocked: false, lockedReason: null },
        { category: 'MARKETING', email: false, sms: false, push: false, emailLocked: false, lockedReason: null },
      ],
      smsNumber: null,
      pushSubscriptions: 0,
    });
    expect(TRANSACTIONAL_EMAIL_REASON).toMatch(/receipts and order updates are always emailed/i);
  });

  it('lists STOCK_ALERTS to administrators only', async () => {
    const admin = await caller(['CUSTOMER', 'ADMIN']);
    expect((await preferencesOf(admin)).categories.map(({ category }) => category)).toEqual(['ORDER_UPDATES', 'REVIEWS', 'STOCK_ALERTS', 'MARKETING']);
    expect(choice(await preferencesOf(admin), 'STOCK_ALERTS')).toMatchObject({ email: true, sms: false, push: false, emailLocked: false });
  });

  it('is the user\'s own: anonymous is UNAUTHENTICATED, anyone else FORBIDDEN (an administrator too)', async () => {
    const [ada, eve, admin] = [await caller(), await caller(), await caller(['CUSTOMER', 'ADMIN'])];
    expect(codesOf(await request(null, READ, { id: ada.userId }))).toEqual(['UNAUTHENTICATED']);
    expect(codesOf(await request(eve, READ, { id: ada.userId }))).toEqual(['FORBIDDEN']);
    expect(codesOf(await request(admin, READ, { id: ada.userId }))).toEqual(['FORBIDDEN']);
    expect(codesOf(await request(null, UPDATE, { input: { smsNumber: '+4915112345678' } }))).toEqual(['UNAUTHENTICATED']);
  });
});

describe('updateNotificationPreferences', () => {
  it('changes only the categories and channels given, and the number when given (separators forgiven, null clears)', async () => {
    const ada = await caller();
    const after = await update(ada, { categories: [{ category: 'MARKETING', push: true }], smsNumber: '+49 151 1234-5678' });
    expect(choice(after, 'MARKETING')).toMatchObject({ email: false, sms: false, push: true });
    expect(choice(after, 'REVIEWS')).toMatchObject({ email: true, sms: false, push: false });
    expect(after.smsNumber).toBe('+4915112345678');

    await update(ada, { categories: [{ category: 'REVIEWS', email: false, sms: true }] });
    const read = await preferencesOf(ada);
    expect(choice(read, 'REVIEWS')).toMatchObject({ email: false, sms: true, push: false });
    expect(choice(read, 'MARKETING')).toMatchObject({ push: true });
    expect(read.smsNumber).toBe('+4915112345678');

    expect((await update(ada, { smsNumber: null })).smsNumber).toBeNull();
    expect(choice(await preferencesOf(ada), 'REVIEWS')).toMatchObject({ sms: true });
  });

  it('refuses to switch off the receipts\' email, saying they are always emailed, and writes nothing of that update', async () => {
    const ada = await caller();
    const before = await preferencesOf(ada);
    const response = await request(ada, UPDATE, {
      input: { categories: [{ category: 'MARKETING', email: true }, { category: 'ORDER_UPDATES', email: false, push: true }], smsNumber: '+14155550100' },
    });
    expect(codesOf(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors?.[0]?.message).toMatch(/receipts and order updates are always emailed/i);
    expect(await preferencesOf(ada)).toEqual(before);
    // SMS and push stay the user's to choose for order updates.
    expect(choice(await update(ada, { categories: [{ category: 'ORDER_UPDATES', email: true, push: true }] }), 'ORDER_UPDATES')).toMatchObject({ email: true, push: true });
  });

  it('lets only administrators choose for STOCK_ALERTS: a customer is FORBIDDEN and nothing is written', async () => {
    const [ada, admin] = [await caller(), await caller(['ADMIN'])];
    const response = await request(ada, UPDATE, { input: { categories: [{ category: 'REVIEWS', email: false }, { category: 'STOCK_ALERTS', push: true }] } });
    expect(codesOf(response)).toEqual(['FORBIDDEN']);
    expect(choice(await preferencesOf(ada), 'REVIEWS')).toMatchObject({ email: true });
    const changed = await update(admin, { categories: [{ category: 'STOCK_ALERTS', email: false, push: true }] });
    expect(choice(changed, 'STOCK_ALERTS')).toMatchObject({ email: false, push: true });
  });

  it.each([
    ['a number that is not E.164', { smsNumber: '0151 1234 5678' }, 'smsNumber'],
    ['letters in the number', { smsNumber: '+49 CALL ME' }, 'smsNumber'],
    ['SMS on with no number', { categories: [{ category: 'REVIEWS', sms: true }] }, 'smsNumber'],
    ['a category named twice', { categories: [{ category: 'REVIEWS', push: true }, { category: 'REVIEWS', push: false }] }, 'categories'],
  ])('refuses %s (BAD_USER_INPUT naming the field), writing nothing', async (_case, input, field) => {
    const ada = await caller();
    const before = await preferencesOf(ada);
    const response = await request(ada, UPDATE, { input });
    expect(response.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field }) })]);
    expect(await preferencesOf(ada)).toEqual(before);
  });

  it('is kept by the table too: no row can switch the receipts\' email off', async () => {
    const statement = `insert into "notifications"."notification_preference" ("user_id", "category", "email", "sms", "push") values (?, 'ORDER_UPDATES', false, false, false)`;
    await expect(subgraph.orm.em.fork().getConnection().execute(statement, [randomUUID()])).rejects.toThrow(/notification_preference_transactional_email/);
  });
});

describe('push subscriptions', () => {
  it('publishes the VAPID public key browsers subscribe with', async () => {
    expect((await request(null, '{ pushPublicKey }')).data?.pushPublicKey).toBe(vapid.publicKey);
  });

  it('registers a browser once however often it registers, and forgets it on unregister (someone else\'s stays)', async () => {
    const [ada, eve] = [await caller(), await caller()];
    const browser = testBrowser(endpoint());
    expect((await request(ada, REGISTER, { subscription: browser.target })).data?.registerPushSubscription.pushSubscriptions).toBe(1);
    expect((await request(ada, REGISTER, { subscription: browser.target })).data?.registerPushSubscription.pushSubscriptions).toBe(1);
    expect((await request(eve, UNREGISTER, { endpoint: browser.target.endpoint })).data?.unregisterPushSubscription.pushSubscriptions).toBe(0);
    expect((await preferencesOf(ada)).pushSubscriptions).toBe(1);
    expect((await request(ada, UNREGISTER, { endpoint: browser.target.endpoint })).data?.unregisterPushSubscription.pushSubscriptions).toBe(0);
  });

  it('moves a browser to whoever registered it last (one browser, one user signed in)', async () => {
    const [ada, eve] = [await caller(), await caller()];
    const browser = testBrowser(endpoint());
    await request(ada, REGISTER, { subscription: browser.target });
    await request(eve, REGISTER, { subscription: browser.target });
    expect([(await preferencesOf(ada)).pushSubscriptions, (await preferencesOf(eve)).pushSubscriptions]).toEqual([0, 1]);
  });

  it.each([
    ['an endpoint that is not a URL', (target: Target) => ({ ...target, endpoint: 'not a url' }), 'subscription.endpoint'],
    ['an endpoint that is not http(s)', (target: Target) => ({ ...target, endpoint: 'ftp://push.example/abc' }), 'subscription.endpoint'],
    ['a p256dh that is not a P-256 key', (target: Target) => ({ ...target, keys: { ...target.keys, p256dh: 'c2hvcnQ' } }), 'subscription.keys.p256dh'],
    ['an auth that is not base64url', (target: Target) => ({ ...target, keys: { ...target.keys, auth: 'not base64url!' } }), 'subscription.keys.auth'],
  ])('refuses %s (BAD_USER_INPUT), storing nothing', async (_case, spoil, field) => {
    const ada = await caller();
    const response = await request(ada, REGISTER, { subscription: spoil(testBrowser(endpoint()).target) });
    expect(response.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field }) })]);
    expect((await preferencesOf(ada)).pushSubscriptions).toBe(0);
  });

  it('is for the signed-in user: anonymous is UNAUTHENTICATED', async () => {
    expect(codesOf(await request(null, REGISTER, { subscription: testBrowser(endpoint()).target }))).toEqual(['UNAUTHENTICATED']);
    expect(codesOf(await request(null, UNREGISTER, { endpoint: endpoint() }))).toEqual(['UNAUTHENTICATED']);
  });
});

type Target = ReturnType<typeof testBrowser>['target'];

describe('the DeliveryTargetResolver the pipeline is given', () => {
  it('still emails the receipt to a customer who opted out of everything else, and nothing of MARKETING by default', async () => {
    const ada = await caller();
    await update(ada, { categories: [{ category: 'REVIEWS', email: false }] });
    await expect(subgraph.deliveryTargets.targetsFor(ada.userId, 'ORDER_UPDATES')).resolves.toEqual({ email: true, smsTo: null, push: [] });
    await expect(subgraph.deliveryTargets.targetsFor(ada.userId, 'MARKETING')).resolves.toEqual({ email: false, smsTo: null, push: [] });
    await expect(subgraph.deliveryTargets.targetsFor(ada.userId, 'REVIEWS')).resolves.toEqual({ email: false, smsTo: null, push: [] });
  });

  it('answers the defaults for someone who never chose anything', async () => {
    const stranger = randomUUID();
    await expect(subgraph.deliveryTargets.targetsFor(stranger, 'ORDER_UPDATES')).resolves.toEqual({ email: true, smsTo: null, push: [] });
    await expect(subgraph.deliveryTargets.targetsFor(stranger, 'REVIEWS')).resolves.toEqual({ email: true, smsTo: null, push: [] });
    await expect(subgraph.deliveryTargets.targetsFor(stranger, 'MARKETING')).resolves.toEqual({ email: false, smsTo: null, push: [] });
  });

  it('sends SMS to the number and push to every browser where the category asks for them; a cleared number stops SMS', async () => {
    const ada = await caller();
    const [phone, laptop] = [testBrowser(endpoint()), testBrowser(endpoint())];
    for (const browser of [phone, laptop]) await request(ada, REGISTER, { subscription: browser.target });
    await update(ada, { categories: [{ category: 'ORDER_UPDATES', sms: true, push: true }, { category: 'MARKETING', email: true }], smsNumber: '+14155550100' });

    const targets = await subgraph.deliveryTargets.targetsFor(ada.userId, 'ORDER_UPDATES');
    expect(targets).toMatchObject({ email: true, smsTo: '+14155550100' });
    expect(targets.push.map(({ endpoint }) => endpoint).sort()).toEqual([phone.target.endpoint, laptop.target.endpoint].sort());
    expect(targets.push[0]?.keys).toEqual(expect.objectContaining({ p256dh: expect.any(String), auth: expect.any(String) }));
    await expect(subgraph.deliveryTargets.targetsFor(ada.userId, 'MARKETING')).resolves.toEqual({ email: true, smsTo: null, push: [] });

    await update(ada, { smsNumber: null });
    await expect(subgraph.deliveryTargets.targetsFor(ada.userId, 'ORDER_UPDATES')).resolves.toMatchObject({ smsTo: null });
  });
});

describe('the senders the subgraph builds (createSenders)', () => {
  it('pushes to a registered browser, and forgets it once its push service answers 410', async () => {
    const ada = await caller();
    const browser = testBrowser(endpoint());
    await request(ada, REGISTER, { subscription: browser.target });
    await update(ada, { categories: [{ category: 'ORDER_UPDATES', push: true }] });
    const [target] = (await subgraph.deliveryTargets.targetsFor(ada.userId, 'ORDER_UPDATES')).push;
    const push = subgraph.senders.PUSH!;

    pushService.answerWith(201);
    await push.send({ subscription: target!, payload: { title: 'Order 3F0C9A52 paid', body: '$159.00' } });
    expect(JSON.parse(browser.decrypt(pushService.received.at(-1)!.body))).toEqual({ title: 'Order 3F0C9A52 paid', body: '$159.00' });

    pushService.answerWith(410);
    const failure = await push.send({ subscription: target!, payload: { title: 'again', body: '' } }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DeliveryFailure);
    expect((failure as DeliveryFailure).permanent).toBe(true);
    expect((await preferencesOf(ada)).pushSubscriptions).toBe(0);
    await expect(subgraph.deliveryTargets.targetsFor(ada.userId, 'ORDER_UPDATES')).resolves.toMatchObject({ push: [] });
  });

  it('sends SMS through the local fake when no provider is configured (outside production)', async () => {
    const sms = subgraph.senders.SMS;
    expect(sms).toBeInstanceOf(FakeSmsSender);
    const receipt = await sms!.send({ to: '+14155550100', text: 'Order 3F0C9A52 paid' });
    expect((sms as FakeSmsSender).sent.at(-1)).toMatchObject({ to: '+14155550100', text: 'Order 3F0C9A52 paid', id: receipt.providerMessageId });
  });
});
