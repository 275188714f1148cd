import type { EmailMessage, PushMessage } from '../delivery/delivery-channel';
import {
  CATEGORY_OF_KIND,
  orderOf,
  productOf,
  renderInApp,
  type NotificationKind,
  type NotifyingEvent,
  type RenderedNotification,
} from '../notification/notification-text';
import type { NotificationCategory } from '../preferences/notification-category';
import { html, type SafeHtml } from './html';
import { receiptHtml, receiptOf, receiptText, type Receipt } from './order-receipt';

/** Who a message is written to (the recipient directory's entry), for the greeting; null: not known yet. */
export interface Addressee {
  readonly name: string;
}

/**
 * One event's message on every channel (README.md, *Templates*): in-app title and body, the email's subject, text
 * and HTML parts, the SMS text and the push payload. Rendered from the event's facts alone.
 */
export interface NotificationMessages {
  readonly kind: NotificationKind;
  readonly category: NotificationCategory;
  readonly inApp: RenderedNotification;
  readonly email: Omit<EmailMessage, 'to'>;
  readonly sms: string;
  readonly push: PushMessage['payload'];
}

/** Two GSM segments: what a sender may be asked to send without splitting it into many. */
const SMS_LIMIT = 306;

export function renderMessages(event: NotifyingEvent, addressee: Addressee | null): NotificationMessages | null {
  const inApp = renderInApp(event);
  if (!inApp) return null;
  const receipt = receiptIn(event);
  const orderId = orderOf(event);
  const productId = productOf(event);
  const category = CATEGORY_OF_KIND[inApp.kind];
  return {
    kind: inApp.kind,
    category,
    inApp,
    email: {
      subject: inApp.title,
      text: emailText(inApp, addressee, receipt, category),
      html: emailHtml(inApp, addressee, receipt, category).value,
    },
    sms: smsText(`TechAlly: ${inApp.body}`),
    push: {
      title: inApp.title,
      body: inApp.body,
      // The storefront's pages (clients/storefront): the order, or the product the review is of.
      ...(orderId ? { url: `/orders/${orderId}` } : productId ? { url: `/product/${productId}` } : {}),
      // A later push about the same thing replaces this one on the device instead of stacking.
      tag: orderId ? `order:${orderId}` : `review:${event.aggregateId}`,
    },
  };
}

function receiptIn(event: NotifyingEvent): Receipt | null {
  if (event.type !== 'orders.order-placed.v1' && event.type !== 'orders.order-paid.v1') return null;
  return receiptOf(event.payload.items, event.payload.total);
}

function footer(category: NotificationCategory): string {
  return category === 'ORDER_UPDATES'
    ? 'You receive this email because it concerns an order of yours: order updates are always sent by email.'
    : 'You can choose which notifications you receive in your account settings.';
}

function emailText(inApp: RenderedNotification, addressee: Addressee | null, receipt: Receipt | null, category: NotificationCategory): string {
  return [
    addressee ? `Hello ${addressee.name},` : 'Hello,',
    '',
    inApp.body,
    ...(receipt ? ['', receiptText(receipt)] : []),
    '',
    'TechAlly',
    '',
    '--',
    footer(category),
    '',
  ].join('\n');
}

function emailHtml(inApp: RenderedNotification, addressee: Addressee | null, receipt: Receipt | null, category: NotificationCategory): SafeHtml {
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${inApp.title}</title></head>
<body style="margin:0;padding:24px;background:#f9fafb;font-family:system-ui,-apple-system,'Segoe UI',sans-serif;color:#111827;">
<div style="max-width:560px;margin:0 auto;background:#ffffff;border-radius:8px;padding:24px;">
<h1 style="font-size:20px;margin:0 0 16px;">${inApp.title}</h1>
<p>${addressee ? `Hello ${addressee.name},` : 'Hello,'}</p>
<p>${inApp.body}</p>
${receipt ? receiptHtml(receipt) : ''}
<p>TechAlly</p>
<p style="font-size:12px;color:#6b7280;">${footer(category)}</p>
</div>
</body></html>`;
}

function smsText(text: string): string {
  return text.length <= SMS_LIMIT ? text : `${text.slice(0, SMS_LIMIT - 1)}…`;
}
