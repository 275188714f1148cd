import { randomUUID } from 'node:crypto';
import { createEvent } from '@techally/events';
import { NOTIFYING_EVENT_TYPES, type NotifyingEvent } from '../../notification/notification-text';
import { escapeHtml, html } from '../html';
import { renderMessages } from '../notification-messages';

const orderId = '3f0c9a52-1111-4222-8333-444455556666';
const customerId = randomUUID();
const usd = (amount: number) => ({ amount, currency: 'USD' });
const ada = { name: 'Ada Lovelace' };

const receiptItems = [
  { productId: randomUUID(), quantity: 2, name: 'Wireless Mouse', unitPrice: usd(2_500) },
  { productId: randomUUID(), quantity: 1, name: '<script>alert("x")</script> & Co', unitPrice: usd(10_900) },
];

function placed(items: Array<Record<string, unknown>>, orderNumber?: string): NotifyingEvent {
  return createEvent('orders.order-placed.v1', orderId, { orderId, customerId, items, total: usd(15_900), ...(orderNumber ? { orderNumber } : {}) } as never);
}

/** One event of each notifying type, every optional fact given. */
const everyKind: NotifyingEvent[] = [
  placed(receiptItems, 'TA-100042'),
  createEvent('orders.order-paid.v1', orderId, { orderId, orderNumber: 'TA-100042', customerId, items: receiptItems, total: usd(15_900) }),
  createEvent('orders.order-cancelled.v1', orderId, { orderId, reason: 'OUT_OF_STOCK' }),
  createEvent('orders.order-status-changed.v1', orderId, { orderId, customerId, status: 'FULFILLED', previousStatus: 'PAID' }),
  createEvent('payments.payment-failed.v1', orderId, { orderId, paymentId: randomUUID(), failureCode: 'card_declined' }),
  createEvent('payments.payment-refunded.v1', orderId, { orderId, paymentId: randomUUID(), amount: usd(4_200), reason: 'REQUESTED_BY_ADMIN' }),
  createEvent('reviews.review-moderated.v1', randomUUID(), { reviewId: randomUUID(), productId: randomUUID(), authorId: customerId, hidden: true, reason: 'Spoilers & <b>shouting</b>' }),
  createEvent('reviews.review-moderated.v1', randomUUID(), { reviewId: randomUUID(), productId: randomUUID(), authorId: customerId, hidden: false }),
] as NotifyingEvent[];

describe('the notification templates', () => {
  it('render every kind on every channel: in-app, email subject/text/HTML, SMS and push', () => {
    expect(new Set(everyKind.map((event) => event.type))).toEqual(new Set(NOTIFYING_EVENT_TYPES));
    const kinds = everyKind.map((event) => {
      const messages = renderMessages(event, ada)!;
      expect(messages.email.subject).toBe(messages.inApp.title);
      expect(messages.email.text).toContain(messages.inApp.body.split(':')[0]);
      expect(messages.email.text).toMatch(/^Hello Ada Lovelace,\n/);
      expect(messages.email.html).toMatch(/^<!doctype html>/);
      expect(messages.sms.startsWith('TechAlly: ')).toBe(true);
      expect(messages.sms.length).toBeLessThanOrEqual(306);
      expect(messages.push).toEqual(expect.objectContaining({ title: messages.inApp.title, body: messages.inApp.body, tag: expect.any(String) }));
      return [messages.kind, messages.category];
    });
    expect(kinds).toEqual([
      ['ORDER_PLACED', 'ORDER_UPDATES'],
      ['ORDER_PAID', 'ORDER_UPDATES'],
      ['ORDER_CANCELLED', 'ORDER_UPDATES'],
      ['ORDER_FULFILLED', 'ORDER_UPDATES'],
      ['PAYMENT_FAILED', 'ORDER_UPDATES'],
      ['REFUND_ISSUED', 'ORDER_UPDATES'],
      ['REVIEW_HIDDEN', 'REVIEWS'],
      ['REVIEW_RESTORED', 'REVIEWS'],
    ]);
  });

  it('write the receipt: each line with its name, quantity, unit price and line total, then the total, by the order number', () => {
    const { email, inApp, push } = renderMessages(everyKind[0]!, ada)!;
    expect(inApp.title).toBe('Order TA-100042 received');
    expect(email.text).toContain('  2 × Wireless Mouse @ $25.00 = $50.00\n');
    expect(email.text).toContain('  1 × <script>alert("x")</script> & Co @ $109.00 = $109.00\n  Total: $159.00');
    expect(email.html).toMatch(/<td[^>]*>Wireless Mouse<\/td><td[^>]*>2<\/td><td[^>]*>\$25\.00<\/td><td[^>]*>\$50\.00<\/td>/);
    expect(email.html).toMatch(/Total<\/td><td[^>]*>\$159\.00<\/td>/);
    expect(push.url).toBe(`/orders/${orderId}`);
  });

  it('escape every value in the HTML: a product named <script> is shown, never run', () => {
    const { email } = renderMessages(everyKind[0]!, { name: '<img src=x onerror=alert(1)>' })!;
    expect(email.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co');
    expect(email.html).toContain('Hello &lt;img src=x onerror=alert(1)&gt;,');
    expect(email.html).not.toMatch(/<script|<img/i);
    const hidden = renderMessages(everyKind[6]!, ada)!;
    expect(hidden.email.html).toContain('Spoilers &amp; &lt;b&gt;shouting&lt;/b&gt;');
    expect(hidden.inApp.body).toBe("A moderator hid your review; other customers no longer see it. The moderator's reason: Spoilers & <b>shouting</b>");
  });

  it('fall back gracefully on events without the optional facts: no number, names or prices, no refund amount', () => {
    const bare = renderMessages(placed([{ productId: '9a8b7c6d-0000-4000-8000-000000000000', quantity: 3 }, { productId: randomUUID(), quantity: 1, sku: 'KB-01' }]), null)!;
    expect(bare.inApp.title).toBe('Order 3F0C9A52 received');
    expect(bare.email.text).toMatch(/^Hello,\n/);
    expect(bare.email.text).toContain('  3 × Product 9A8B7C6D\n  1 × Item KB-01\n  Total: $159.00');
    expect(bare.email.html).toMatch(/Product 9A8B7C6D<\/td><td[^>]*>3<\/td><td[^>]*>–<\/td><td[^>]*>–<\/td>/);
    const refund = renderMessages(createEvent('payments.payment-refunded.v1', orderId, { orderId, paymentId: randomUUID() }), ada)!;
    expect(refund.inApp.body).toBe('We refunded the payment for your order 3F0C9A52. It may take a few days to show on your statement.');
    expect(renderMessages(everyKind[5]!, ada)!.inApp.body).toBe('We refunded $42.00 for your order 3F0C9A52: our team refunded it. It may take a few days to show on your statement.');
    expect(renderMessages(everyKind[7]!, ada)!.inApp.body).toBe('A moderator restored your review; other customers see it again.');
  });

  it('have nothing to say about a status step without news', () => {
    expect(renderMessages(createEvent('orders.order-status-changed.v1', orderId, { orderId, customerId, status: 'PAID', previousStatus: 'AWAITING_PAYMENT' }), ada)).toBeNull();
  });
});

describe('html``', () => {
  it('escapes text and lists, keeps its own fragments', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    expect(html`<p>${'<i>'}${[html`<b>${'&'}</b>`, 2]}${null}</p>`.value).toBe('<p>&lt;i&gt;<b>&amp;</b>2</p>');
  });
});
