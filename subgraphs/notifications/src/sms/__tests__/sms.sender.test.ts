import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DeliveryFailure } from '../../delivery/delivery-channel';
import { FakeSmsSender } from '../fake-sms.sender';
import { HttpSmsSender, MAX_SMS_LENGTH } from '../http-sms.sender';

// The HTTP SMS provider against a provider on loopback (README.md, *Channels*): what it sends, and which answers
// are worth a retry; and the local fake the embedded start uses.
const TOKEN = 'sms-test-token-0123456789';
const SMS = { to: '+4915112345678', text: 'Order 3F0C9A52 paid: $159.00. Thank you!' };

interface Received {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

let server: Server;
let url: string;
const received: Received[] = [];
/** How the provider answers the next request; `hang` never answers (a timeout). */
let answer: { status: number; body: string } | 'hang' = { status: 200, body: '' };
const hanging: Array<() => void> = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      received.push({ method: request.method ?? '', path: request.url ?? '', headers: request.headers, body });
      if (answer === 'hang') {
        hanging.push(() => response.destroy());
        return;
      }
      response.writeHead(answer.status, { 'content-type': 'application/json' }).end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/messages`;
});

afterAll(async () => {
  for (const release of hanging) release();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  answer = { status: 200, body: '' };
});

const provider = (timeoutMs = 5_000) => new HttpSmsSender({ url, token: TOKEN, timeoutMs });

async function failureOf(promise: Promise<unknown>): Promise<DeliveryFailure> {
  const error = await promise.then(() => null, (thrown: unknown) => thrown);
  expect(error).toBeInstanceOf(DeliveryFailure);
  return error as DeliveryFailure;
}

describe('HttpSmsSender against a local SMS provider', () => {
  it('POSTs JSON {to, text} with the bearer token, and keeps the id the provider answered', async () => {
    answer = { status: 202, body: JSON.stringify({ id: 'msg_42', status: 'queued' }) };
    await expect(provider().send(SMS)).resolves.toEqual({ providerMessageId: 'msg_42' });
    const request = received.at(-1)!;
    expect(request).toMatchObject({ method: 'POST', path: '/v1/messages' });
    expect(request.headers).toMatchObject({ authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' });
    expect(JSON.parse(request.body)).toEqual(SMS);
  });

  it('takes a 2xx without a JSON id as sent', async () => {
    answer = { status: 200, body: 'OK' };
    await expect(provider().send(SMS)).resolves.toEqual({});
  });

  it.each([400, 401, 403, 404, 422])('gives up on %i: a number or a token no retry mends', async (status) => {
    answer = { status, body: JSON.stringify({ error: 'invalid destination' }) };
    const failure = await failureOf(provider().send(SMS));
    expect(failure).toMatchObject({ permanent: true, message: `SMS provider answered ${status}: {"error":"invalid destination"}` });
  });

  it('follows no redirect (the token stays with the configured URL): a provider that moved is permanent', async () => {
    answer = { status: 307, body: '' };
    const before = received.length;
    await expect(failureOf(provider().send(SMS))).resolves.toMatchObject({ permanent: true });
    expect(received.length).toBe(before + 1);
  });

  it.each([429, 500, 502, 503])('retries %i later', async (status) => {
    answer = { status, body: '' };
    await expect(failureOf(provider().send(SMS))).resolves.toMatchObject({ permanent: false, message: `SMS provider answered ${status}` });
  });

  it('retries a provider that does not answer in time', async () => {
    answer = 'hang';
    const failure = await failureOf(provider(300).send(SMS));
    expect([failure.permanent, failure.message]).toEqual([false, 'SMS provider unreachable: no answer within 300 ms']);
  });

  it('retries a provider that cannot be reached', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const failure = await failureOf(new HttpSmsSender({ url: `http://127.0.0.1:${port}/`, token: TOKEN, timeoutMs: 5_000 }).send(SMS));
    expect([failure.permanent, failure.message]).toEqual([false, 'SMS provider unreachable: ECONNREFUSED']);
  });

  it('refuses, without a request, a text longer than ten segments', async () => {
    const before = received.length;
    const failure = await failureOf(provider().send({ ...SMS, text: 'x'.repeat(MAX_SMS_LENGTH + 1) }));
    expect(failure.permanent).toBe(true);
    expect(received.length).toBe(before);
  });
});

describe('FakeSmsSender (the embedded start and the tests)', () => {
  it('keeps what it was given, oldest first, with the id it answered', async () => {
    const fake = new FakeSmsSender();
    const first = await fake.send(SMS);
    await fake.send({ ...SMS, text: 'second' });
    expect(fake.sent.map(({ text }) => text)).toEqual([SMS.text, 'second']);
    expect(fake.sent[0]).toMatchObject({ ...SMS, id: first.providerMessageId });
  });

  it('forgets the oldest past its limit', async () => {
    const fake = new FakeSmsSender({ limit: 2 });
    for (const text of ['a', 'b', 'c']) await fake.send({ ...SMS, text });
    expect(fake.sent.map(({ text }) => text)).toEqual(['b', 'c']);
  });
});
