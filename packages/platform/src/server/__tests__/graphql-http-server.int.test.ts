import { graphqlPost, rawConnection } from './support/raw-http';
import { startTestHttpServer, type TestHttpServer } from './support/test-http-server';

/** The status line and headers of the first complete response head in `text`. */
const RESPONSE_HEAD = /HTTP\/1\.1 \d{3}[^]*?\r\n\r\n/;

let subject: TestHttpServer | null = null;
afterEach(async () => {
  await subject?.server.stop();
  subject = null;
});

/** Settles with 'stopped' or 'deadline', whichever comes first: the order of the events, not a duration. */
async function stopOrDeadline(stop: Promise<void>, deadlineMs: number): Promise<'stopped' | 'deadline'> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<'deadline'>((resolve) => (timer = setTimeout(() => resolve('deadline'), deadlineMs)));
  try {
    return await Promise.race([stop.then(() => 'stopped' as const), deadline]);
  } finally {
    clearTimeout(timer);
  }
}

describe('a request body over the limit (issue #9, item 3)', () => {
  it('is refused with 413 and Connection: close, and the connection closes instead of swallowing the next request', async () => {
    subject = await startTestHttpServer({ maxBodyBytes: 1_000_000 });
    const connection = await rawConnection(subject.port);
    const huge = Buffer.alloc(2_000_000, 'a');
    connection.send(graphqlPost(huge));
    connection.send(graphqlPost(JSON.stringify({ query: '{ hello }' })));

    const head = await connection.waitFor(RESPONSE_HEAD);
    expect(head).toMatch(/^HTTP\/1\.1 413 /);
    expect(head).toMatch(/\r\nconnection: close\r\n/i);
    await connection.closed;
    expect(connection.received()).not.toMatch(/HTTP\/1\.1 413[^]*HTTP\/1\.1/); // no half-read second answer
  });

  it('is refused the same way when sent chunked, without a Content-Length', async () => {
    subject = await startTestHttpServer({ maxBodyBytes: 1_000 });
    const connection = await rawConnection(subject.port);
    const chunk = Buffer.alloc(4_000, 'a');
    connection.send(
      Buffer.concat([
        Buffer.from('POST /graphql HTTP/1.1\r\nhost: localhost\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n'),
        Buffer.from(`${chunk.length.toString(16)}\r\n`),
        chunk,
        Buffer.from('\r\n0\r\n\r\n'),
      ]),
    );
    const head = await connection.waitFor(RESPONSE_HEAD);
    expect(head).toMatch(/^HTTP\/1\.1 413 /);
    expect(head).toMatch(/\r\nconnection: close\r\n/i);
    await connection.closed;
  });

  it('still keeps the connection of a request within the limit for the next one', async () => {
    subject = await startTestHttpServer();
    const connection = await rawConnection(subject.port);
    connection.send(graphqlPost(JSON.stringify({ query: '{ hello }' })));
    await connection.waitFor(/"hello":"hello"/);
    connection.send(graphqlPost(JSON.stringify({ query: '{ again: hello }' })));
    await connection.waitFor(/"again":"hello"/);
    connection.socket.destroy();
  });
});

describe('stop (issue #9, item 5)', () => {
  // Long enough that a stop waiting for it is plainly the bug; the assertion is on which event came first.
  const DEADLINE_MS = 20_000;

  it('closes idle keep-alive connections at once, and one that never sent a request', async () => {
    subject = await startTestHttpServer({ drainDeadlineMs: DEADLINE_MS });
    const answered = await rawConnection(subject.port);
    answered.send(graphqlPost(JSON.stringify({ query: '{ hello }' })));
    await answered.waitFor(/"hello":"hello"/);
    const silent = await rawConnection(subject.port);

    expect(await stopOrDeadline(subject.server.stop(), DEADLINE_MS)).toBe('stopped');
    subject = null;
    await answered.closed;
    await silent.closed;
  });

  it('lets an in-flight request finish with Connection: close, then resolves before the deadline', async () => {
    subject = await startTestHttpServer({ drainDeadlineMs: DEADLINE_MS });
    const events: string[] = [];
    const held = subject.hold();
    const connection = await rawConnection(subject.port);
    connection.send(graphqlPost(JSON.stringify({ query: '{ held }' })));
    await held.started;

    const { port } = subject;
    const stopping = subject.server.stop().then(() => void events.push('stopped'));
    subject = null;
    await expect(rawConnection(port)).rejects.toThrow(/ECONNREFUSED/); // no longer listening
    events.push('released');
    held.release();
    const answer = await connection.waitFor(/HTTP\/1\.1 200[^]*"held":"released"/);
    expect(answer).toMatch(/\r\nconnection: close\r\n/i);
    expect(await stopOrDeadline(stopping, DEADLINE_MS)).toBe('stopped');
    await connection.closed;
    expect(events).toEqual(['released', 'stopped']); // stop waited for the request in flight
  });

  it('closes the connections still busy when the deadline passes, and resolves', async () => {
    subject = await startTestHttpServer({ drainDeadlineMs: 50 });
    const held = subject.hold();
    const connection = await rawConnection(subject.port);
    connection.send(graphqlPost(JSON.stringify({ query: '{ held }' })));
    await held.started;
    await subject.server.stop();
    subject = null;
    await connection.closed;
    held.release();
  });
});

describe('the cors option (only the gateway has one)', () => {
  it('runs first for /graphql: its headers stay on the GraphQL answer, and an answer of its own ends the request', async () => {
    const seen: string[] = [];
    subject = await startTestHttpServer({
      cors: (request, response) => {
        seen.push(request.method ?? '');
        response.setHeader('vary', 'Origin');
        if (request.method !== 'OPTIONS') return false;
        response.writeHead(204).end();
        return true;
      },
    });
    const answer = await fetch(subject.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ hello }' }) });
    expect(await answer.json()).toEqual({ data: { hello: 'hello' } });
    expect(answer.headers.get('vary')).toBe('Origin');
    expect((await fetch(subject.url, { method: 'OPTIONS' })).status).toBe(204);
    expect((await fetch(subject.url.replace('/graphql', '/health/live'))).status).toBe(200);
    expect(seen).toEqual(['POST', 'OPTIONS']); // never for the other routes
  });
});
