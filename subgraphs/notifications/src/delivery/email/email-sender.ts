import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from '@techally/platform';
import { createTransport, type SendMailOptions } from 'nodemailer';
import { DeliveryFailure, type EmailMessage, type SendContext, type Sender } from '../delivery-channel';

export interface EmailSenderOptions {
  /** `smtp://host:port` (or `smtps://user:pass@host`); null: write .eml files to `mailDir` instead. */
  readonly smtpUrl: string | null;
  /** The From header, `TechAlly <no-reply@shop.example>`. */
  readonly from: string;
  /** Where the local transport writes its .eml files. */
  readonly mailDir: string;
  readonly logger: Logger;
  /** Connection, greeting and socket timeouts of the SMTP client (default 30 s). */
  readonly timeoutMs?: number;
}

/**
 * Email through nodemailer (README.md, *Delivery*): over SMTP when `SMTP_URL` is set, else a local transport that
 * writes each message as an .eml file under the data directory and logs its path (the embedded start sends no mail).
 * Every try of one delivery carries the same Message-ID (`<delivery id@techally.notifications>`), so a mailbox
 * that dedupes by it shows a mail sent twice (a crash after the server took it) once.
 */
export function createEmailSender(options: EmailSenderOptions): Sender<'EMAIL'> {
  return options.smtpUrl ? smtpSender(options.smtpUrl, options) : fileSender(options);
}

function mailOf(message: EmailMessage, from: string, context: SendContext | undefined): SendMailOptions {
  return {
    from,
    to: message.to,
    subject: message.subject,
    text: message.text,
    html: message.html,
    ...(context ? { messageId: `<${context.deliveryId}@techally.notifications>` } : {}),
  };
}

function smtpSender(url: string, options: EmailSenderOptions): Sender<'EMAIL'> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  // One connection per message (no pool): nothing to close, and a server that went away costs one try, not a stuck pool.
  const transport = createTransport({ url, connectionTimeout: timeoutMs, greetingTimeout: timeoutMs, socketTimeout: timeoutMs });
  return {
    channel: 'EMAIL',
    async send(message, context) {
      try {
        const info = await transport.sendMail(mailOf(message, options.from, context));
        return { providerMessageId: info.messageId };
      } catch (error) {
        throw smtpFailure(error);
      }
    },
  };
}

/**
 * A 5xx reply (but 503, a bad sequence) is the server's final word on this message: a mailbox that does not
 * exist, a message refused. Anything else — 4xx, a connection refused or lost, a timeout — may pass later.
 */
function smtpFailure(error: unknown): DeliveryFailure {
  const { responseCode, response, message } = (error ?? {}) as { responseCode?: number; response?: string; message?: string };
  const permanent = typeof responseCode === 'number' && responseCode >= 500 && responseCode < 600 && responseCode !== 503;
  return new DeliveryFailure(`SMTP: ${response ?? message ?? String(error)}`, permanent, { cause: error });
}

function fileSender(options: EmailSenderOptions): Sender<'EMAIL'> {
  const transport = createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  let announced = false;
  return {
    channel: 'EMAIL',
    async send(message, context) {
      const info = await transport.sendMail(mailOf(message, options.from, context));
      await mkdir(options.mailDir, { recursive: true });
      const path = join(options.mailDir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${context?.deliveryId ?? info.messageId.replace(/[^\w.-]/g, '')}.eml`);
      await writeFile(path, info.message as Buffer);
      if (!announced) options.logger.info({ mailDir: options.mailDir }, 'no SMTP_URL: emails are written as .eml files, not sent');
      announced = true;
      options.logger.info({ path, to: message.to, subject: message.subject }, 'email written to a file');
      return { providerMessageId: info.messageId };
    },
  };
}
