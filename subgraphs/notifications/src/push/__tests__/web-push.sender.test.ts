import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { importJWK, jwtVerify } from 'jose';
import { generateVAPIDKeys } from 'web-push';
import { DeliveryFailure, type PushMessage } from '../../delivery/delivery-channel';
import { WebPushSender } from '../web-push.sender';
import { startLocalPushService, testBrowser, type LocalPushService } from './local-push-service';

// The push sender against a push service on loopback (RFC 8030 over TLS): what it sends (TTL, VAPID, aes128gcm,
// a body only the browser can read) and how it takes each answer.
const SUBJECT = 'mailto:push-test@techally.test';
const vapid = generateVAPIDKeys();
let service: LocalPushService;
const forgotten: string[] = [];

beforeAll(async () => {
  service = await startLocalPushService();
});

afterAll(async () => {
  await service?.close();
});

beforeEach(() => {
  service.answerWith(201);
  forgotten.length = 0;
});

function sender(agent = service.agent): WebPushSender {
  return new WebPushSender({
    vapid,
    subject: SUBJECT,
    timeoutMs: 5_000,
    agent,
    forgetSubscription: async (endpoint) => {
      forgotten.push(endpoint);
    },
  });
}

const message = (target: PushMessage['subscription'], extra: Partial<PushMessage> = {}): PushMessage => ({
  subscription: target,
  payload: { title: 'Order 3F0C9A52 paid', body: 'We received $159.00. Thank you!', url: '/orders/3f0c9a52', tag: 'order-3f0c9a52' },
  ...extra,
});

async function failureOf(promise: Promise<unknown>): Promise<DeliveryFailure> {
  const error = await promise.then(() => null, (thrown: unknown) => thrown);
  expect(error).toBeInstanceOf(DeliveryFailure);
  return error as DeliveryFailure;
}

describe('WebPushSender (web-push, VAPID) against a local push service', () => {
  it('POSTs an aes128gcm body only the browser can read, with TTL, Urgency, Topic and a VAPID token for the service', async () => {
    const browser = testBrowser(`${service.origin}/push/${randomUUID()}`);
    const receipt = await sender().send(message(browser.target, { ttlSeconds: 3_600 }));

    const push = service.received.at(-1)!;
    expect(receipt.providerMessageId).toMatch(/^\/messages\/\d+$/);
    expect(push.path).toBe(new URL(browser.target.endpoint).pathname);
    expect(push.headers).toMatchObject({ ttl: '3600', 'content-encoding': 'aes128gcm', 'content-type': 'application/octet-stream', urgency: 'normal', topic: 'order-3f0c9a52' });
    expect(JSON.parse(browser.decrypt(push.body))).toEqual(message(browser.target).payload);

    // RFC 8292: `vapid t=<JWT signed with our key>, k=<our public key>`, the audience being the push service's origin.
    const [, token, key] = /^vapid t=([^,]+), k=(.+)$/.exec(push.headers.authorization ?? '') ?? [];
    expect(key).toBe(vapid.publicKey);
    const point = Buffer.from(vapid.publicKey, 'base64url');
    const jwk = { kty: 'EC', crv: 'P-256', x: point.subarray(1, 33).toString('base64url'), y: point.subarray(33).toString('base64url') };
    const { payload } = await jwtVerify(token!, await importJWK(jwk, 'ES256'), { audience: service.origin, subject: SUBJECT });
    expect(payload.exp! * 1000).toBeGreaterThan(Date.now());
  });

  it('holds a message a day for an offline device unless it says otherwise', async () => {
    await sender().send(message(testBrowser(`${service.origin}/push/${randomUUID()}`).target));
    expect(service.received.at(-1)!.headers.ttl).toBe('86400');
  });

  it.each([404, 410])('takes %i as a subscription gone for good: permanent, and the subscription is forgotten', async (status) => {
    service.answerWith(status, 'push subscription has unsubscribed or expired');
    const { target } = testBrowser(`${service.origin}/push/${randomUUID()}`);
    const failure = await failureOf(sender().send(message(target)));
    expect(failure).toMatchObject({ permanent: true, message: expect.stringContaining(`gone (${status})`) });
    expect(forgotten).toEqual([target.endpoint]);
  });

  it.each([429, 500, 503])('retries %i later, keeping the subscription', async (status) => {
    service.answerWith(status, 'busy');
    const failure = await failureOf(sender().send(message(testBrowser(`${service.origin}/push/${randomUUID()}`).target)));
    expect(failure).toMatchObject({ permanent: false, message: `push service answered ${status}: busy` });
    expect(forgotten).toEqual([]);
  });

  it.each([400, 403, 413])('gives up on %i (a request no retry mends), keeping the subscription', async (status) => {
    service.answerWith(status);
    const failure = await failureOf(sender().send(message(testBrowser(`${service.origin}/push/${randomUUID()}`).target)));
    expect(failure.permanent).toBe(true);
    expect(forgotten).toEqual([]);
  });

  it('retries when the push service cannot be reached', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as { port: number };
    await new Promise((resolve) => closed.close(resolve));
    const failure = await failureOf(sender().send(message(testBrowser(`https://127.0.0.1:${port}/push/gone-server`).target)));
    expect(failure).toMatchObject({ permanent: false, message: expect.stringContaining('ECONNREFUSED') });
  });

  it('refuses, permanently and without a request, keys that are not keys and a payload over the limit', async () => {
    const before = service.received.length;
    const { target } = testBrowser(`${service.origin}/push/${randomUUID()}`);
    const broken = { ...target, keys: { p256dh: 'bm90IGEga2V5', auth: target.keys.auth } };
    await expect(failureOf(sender().send(message(broken)))).resolves.toMatchObject({ permanent: true });
    const huge = message(target, { payload: { title: 'x', body: 'y'.repeat(4_000) } });
    await expect(failureOf(sender().send(huge))).resolves.toMatchObject({ permanent: true, message: expect.stringContaining('limit') });
    expect(service.received.length).toBe(before);
  });
});
