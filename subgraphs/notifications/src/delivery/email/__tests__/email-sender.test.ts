import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '@techally/platform';
import { simpleParser } from 'mailparser';
import { loadNotificationsConfig } from '../../../config';
import { DeliveryFailure } from '../../delivery-channel';
import { createEmailSender } from '../email-sender';

const DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/notifications';
const message = { to: 'ada@customers.test', subject: 'Order TA-100042 received', text: 'Hello Ada,\n\nThanks.', html: '<p>Hello Ada,</p>' };

describe('the email sender without SMTP_URL (the embedded start)', () => {
  let mailDir: string;
  beforeEach(async () => {
    mailDir = join(await mkdtemp(join(tmpdir(), 'techally-mail-')), 'mail');
  });
  afterEach(async () => rm(join(mailDir, '..'), { recursive: true, force: true }));

  it('writes each message as an .eml file under the mail directory and logs its path', async () => {
    const lines: string[] = [];
    const logger = createLogger({ name: 'notifications', level: 'info', destination: { write: (line: string) => void lines.push(line) } });
    const sender = createEmailSender({ smtpUrl: null, from: 'TechAlly <shop@techally.test>', mailDir, logger });

    const receipt = await sender.send(message, { deliveryId: '6a1f0000-0000-4000-8000-000000000001' });

    const [file] = await readdir(mailDir);
    expect(file).toMatch(/-6a1f0000-0000-4000-8000-000000000001\.eml$/);
    const parsed = await simpleParser(await readFile(join(mailDir, file!)));
    expect(parsed.subject).toBe(message.subject);
    expect(parsed.text).toBe('Hello Ada,\n\nThanks.');
    expect(parsed.html).toBe('<p>Hello Ada,</p>');
    expect(parsed.messageId).toBe('<6a1f0000-0000-4000-8000-000000000001@techally.notifications>');
    expect(receipt.providerMessageId).toBe(parsed.messageId);
    expect(lines.map((line) => JSON.parse(line) as { msg: string; path?: string })).toEqual(
      expect.arrayContaining([expect.objectContaining({ msg: 'email written to a file', path: join(mailDir, file!) })]),
    );
  });
});

describe('the email sender over SMTP', () => {
  it('calls a server that cannot be reached a failure worth retrying, not a permanent one', async () => {
    const logger = createLogger({ name: 'notifications', level: 'silent' });
    // Port 1 on loopback: nothing listens there, the connection is refused at once.
    const sender = createEmailSender({ smtpUrl: 'smtp://127.0.0.1:1', from: 'shop@techally.test', mailDir: '/nonexistent', logger, timeoutMs: 5_000 });
    const failure = await sender.send(message).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DeliveryFailure);
    expect(failure).toEqual(expect.objectContaining({ permanent: false, message: expect.stringMatching(/^SMTP: .*ECONNREFUSED/) }));
  });
});

describe('the delivery configuration', () => {
  it('has documented defaults: the local transport, five tries from 30 s to an hour apart', () => {
    expect(loadNotificationsConfig({ DATABASE_URL }).delivery).toEqual({
      smtpUrl: null,
      mailFrom: 'TechAlly <no-reply@techally.local>',
      mailDir: join(process.cwd(), '.data', 'mail'),
      maxAttempts: 5,
      baseDelayMs: 30_000,
      maxDelayMs: 3_600_000,
      pollIntervalMs: 10_000,
    });
  });

  it('refuses a malformed SMTP_URL and tries that are not a whole positive number, naming each variable', () => {
    expect(() => loadNotificationsConfig({ DATABASE_URL, SMTP_URL: 'mail.example.com:25', DELIVERY_MAX_ATTEMPTS: '0', DELIVERY_RETRY_BASE_MS: '1.5' })).toThrow(
      expect.objectContaining({
        name: 'ConfigError',
        problems: {
          SMTP_URL: 'must look like smtp://host:port or smtps://user:pass@host',
          DELIVERY_MAX_ATTEMPTS: 'must be a whole number of at least 1, got 0',
          DELIVERY_RETRY_BASE_MS: 'must be a whole number of at least 1, got 1.5',
        },
      }),
    );
  });
});
