import type { EmailMessage, PushMessage } from '../delivery/delivery-channel';
import { LOW_STOCK_ALERT, orderOf, productOf, renderSubject, type NotificationSubject } from '../notification/notification-subject';
import { CATEGORY_OF_KIND, type NotificationKind, type RenderedNotification } from '../notification/notification-text';
import type { NotificationCategory } from '../preferences/notification-category';
import { html, type SafeHtml } from './html';
import { stockFactsHtml, stockFactsOf, stockFactsText } from './low-stock-facts';
import { receiptHtml, receiptOf, receiptText } from './order-receipt';

/** Who a message is written to (the recipient directory's entry), for the greeting; null: not known yet. */
export interface Addressee {
  readonly name: string;
}

/**
 * One subject's message on every channel (README.md, *Templates*): in-app title and body, the email's subject, text
 * and HTML parts, the SMS text and the push payload. Rendered from the subject's facts alone (an event, or a
 * low-stock alert).
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

/** What an email shows below the body: an order's receipt, a low-stock alert's facts; most messages have none. */
interface EmailDetails {
  readonly text: string;
  readonly html: SafeHtml;
}

export function renderMessages(subject: NotificationSubject, addressee: Addressee | null): NotificationMessages | null {
  const inApp = renderSubject(subject);
  if (!inApp) return null;
  const details = detailsOf(subject);
  const category = CATEGORY_OF_KIND[inApp.kind];
  return {
    kind: inApp.kind,
    category,
    inApp,
    email: {
      subject: inApp.title,
      text: emailText(inApp, addressee, details, category),
      html: emailHtml(inApp, addressee, details, category).value,
    },
    sms: smsText(`TechAlly: ${inApp.body}`),
    push: { title: inApp.title, body: inApp.body, ...pushTarget(subject) },
  };
}

function detailsOf(subject: NotificationSubject): EmailDetails | null {
  if (subject.type === 'orders.order-placed.v1' || subject.type === 'orders.order-paid.v1') {
    const receipt = receiptOf(subject.payload.items, subject.payload.total);
    return { text: receiptText(receipt), html: receiptHtml(receipt) };
  }
  if (subject.type === LOW_STOCK_ALERT) {
    const facts = stockFactsOf(subject);
    return { text: stockFactsText(facts), html: stockFactsHtml(facts) };
  }
  return null;
}

/**
 * Where a push opens (the storefront's order or product page; for staff, the admin portal's product: both apps are
 * served by the gateway on one origin), and its `tag`: a later push about the same thing replaces this one on the
 * device instead of stacking.
 */
function pushTarget(subject: NotificationSubject): Pick<NotificationMessages['push'], 'url' | 'tag'> {
  if (subject.type === LOW_STOCK_ALERT) {
    const { productId, warehouseId } = subject.payload;
    return { url: `/admin/products/${productId}`, tag: `stock:${productId}:${warehouseId ?? 'all'}` };
  }
  const orderId = orderOf(subject);
  if (orderId) return { url: `/orders/${orderId}`, tag: `order:${orderId}` };
  const productId = productOf(subject);
  return { ...(productId ? { url: `/product/${productId}` } : {}), tag: `review:${subject.aggregateId}` };
}

const FOOTERS: Readonly<Partial<Record<NotificationCategory, string>>> = {
  ORDER_UPDATES: 'You receive this email because it concerns an order of yours: order updates are always sent by email.',
  STOCK_ALERTS: 'You receive this email as a member of staff with stock alerts on; you can switch them off in your account settings.',
};

function footer(category: NotificationCategory): string {
  return FOOTERS[category] ?? 'You can choose which notifications you receive in your account settings.';
}

function emailText(inApp: RenderedNotification, addressee: Addressee | null, details: EmailDetails | null, category: NotificationCategory): string {
  return [
    addressee ? `Hello ${addressee.name},` : 'Hello,',
    '',
    inApp.body,
    ...(details ? ['', details.text] : []),
    '',
    'TechAlly',
    '',
    '--',
    footer(category),
    '',
  ].join('\n');
}

function emailHtml(inApp: RenderedNotification, addressee: Addressee | null, details: EmailDetails | null, category: NotificationCategory): SafeHtml {
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${inApp.title}</title></head>
<body style="margin:0;padding:24px;background:#f9fafb;font-family:system-ui,-apple-system,'Segoe UI',sans-serif;color:#111827;">
<div style="max-width:560px;margin:0 auto;background:#ffffff;border-radius:8px;padding:24px;">
<h1 style="font-size:20px;margin:0 0 16px;">${inApp.title}</h1>
<p>${addressee ? `Hello ${addressee.name},` : 'Hello,'}</p>
<p>${inApp.body}</p>
${details?.html}
<p>TechAlly</p>
<p style="font-size:12px;color:#6b7280;">${footer(category)}</p>
</div>
</body></html>`;
}

function smsText(text: string): string {
  return text.length <= SMS_LIMIT ? text : `${text.slice(0, SMS_LIMIT - 1)}…`;
}
