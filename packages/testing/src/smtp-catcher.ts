import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';

/** A message the catcher accepted, parsed. */
export interface CaughtMail {
  readonly to: string[];
  readonly parsed: ParsedMail;
  readonly raw: string;
}

/**
 * A real SMTP server on loopback for the tests (smtp-server, the library nodemailer's author wrote for this), with
 * faults on demand: an address can be refused for good (550 at RCPT TO) or have its next N messages deferred
 * (451 after DATA). No STARTTLS: the client then speaks plain SMTP on loopback.
 */
export class SmtpCatcher {
  readonly received: CaughtMail[] = [];
  /** Every DATA the server was sent, accepted or deferred. */
  dataAttempts = 0;
  private readonly refused = new Map<string, string>();
  private readonly deferrals = new Map<string, number>();
  private readonly waiters: Array<{ done: () => boolean; resolve: () => void }> = [];
  private readonly server: SMTPServer;
  private port = 0;

  constructor() {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo: (address, _session, callback) => {
        const reason = this.refused.get(address.address.toLowerCase());
        if (reason) return callback(Object.assign(new Error(reason), { responseCode: 550 }));
        callback();
      },
      onData: (stream, session, callback) => void this.onData(stream, session, callback),
    });
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.server.address() as AddressInfo).port;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  /** RCPT TO this address is answered `550 <reason>` from now on. */
  refuse(address: string, reason: string): void {
    this.refused.set(address.toLowerCase(), reason);
  }

  /** The next `times` messages to this address are answered `451` after their DATA (then accepted). */
  defer(address: string, times: number): void {
    this.deferrals.set(address.toLowerCase(), times);
  }

  to(address: string): CaughtMail[] {
    return this.received.filter((mail) => mail.to.includes(address.toLowerCase()));
  }

  /** Resolves once `count` messages in all have been accepted. */
  untilReceived(count: number): Promise<void> {
    return this.until(() => this.received.length >= count);
  }

  /**
   * Resolves with the first accepted message that `matches` (also one accepted before the call); rejects after
   * `timeoutMs`, naming `what` and the subjects received so far.
   */
  async untilMail(matches: (mail: CaughtMail) => boolean, what: string, timeoutMs = 45_000): Promise<CaughtMail> {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => {
        const subjects = this.received.map((mail) => `${mail.to.join(',')}: ${mail.parsed.subject ?? ''}`);
        reject(new Error(`no mail ${what} in ${timeoutMs} ms; received ${JSON.stringify(subjects)}`));
      }, timeoutMs);
    });
    try {
      await Promise.race([this.until(() => this.received.some(matches)), timedOut]);
      return this.received.find(matches)!;
    } finally {
      clearTimeout(timer);
    }
  }

  private until(done: () => boolean): Promise<void> {
    if (done()) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ done, resolve }));
  }

  private async onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback: (error?: Error | null) => void): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    this.dataAttempts += 1;
    const to = session.envelope.rcptTo.map((rcpt) => rcpt.address.toLowerCase());
    const deferred = to.find((address) => (this.deferrals.get(address) ?? 0) > 0);
    if (deferred) {
      this.deferrals.set(deferred, (this.deferrals.get(deferred) ?? 0) - 1);
      return callback(Object.assign(new Error('Mailbox busy, try again later'), { responseCode: 451 }));
    }
    const raw = Buffer.concat(chunks);
    this.received.push({ to, parsed: await simpleParser(raw), raw: raw.toString('utf8') });
    callback();
    for (const waiter of this.waiters.filter((candidate) => candidate.done())) {
      this.waiters.splice(this.waiters.indexOf(waiter), 1);
      waiter.resolve();
    }
  }
}
