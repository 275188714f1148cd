import { ErrorCode } from '@techally/platform';
import { OrderStatus } from '../order-status';
import { assertTransition, CANCELLABLE_STATUSES, canTransition, isTerminal, ORDER_TRANSITIONS } from '../order.state-machine';

const { PENDING, AWAITING_PAYMENT, PAID, FULFILLED, CANCELLED, REFUNDED } = OrderStatus;
const ALL = Object.values(OrderStatus);

/** Every legal step, and nothing else. */
const LEGAL: ReadonlyArray<readonly [OrderStatus, OrderStatus]> = [
  [PENDING, AWAITING_PAYMENT],
  [PENDING, CANCELLED],
  [AWAITING_PAYMENT, PAID],
  [AWAITING_PAYMENT, CANCELLED],
  [PAID, FULFILLED],
  [PAID, REFUNDED],
  [FULFILLED, REFUNDED],
];

describe('the order state machine', () => {
  it.each(LEGAL)('allows %s → %s', (from, to) => {
    expect(canTransition(from, to)).toBe(true);
    expect(() => assertTransition(from, to)).not.toThrow();
  });

  it('allows nothing else (all 36 pairs checked)', () => {
    const allowed = ALL.flatMap((from) => ALL.filter((to) => canTransition(from, to)).map((to) => [from, to]));
    expect(allowed).toEqual(LEGAL);
  });

  it('never lets a status move to itself', () => {
    for (const status of ALL) expect(canTransition(status, status)).toBe(false);
  });

  it('refuses an illegal step with ILLEGAL_ORDER_TRANSITION naming both statuses', () => {
    let error: unknown;
    try {
      assertTransition(PENDING, FULFILLED);
    } catch (caught) {
      error = caught;
    }
    expect(error).toMatchObject({
      message: 'An order cannot go from PENDING to FULFILLED.',
      extensions: { code: ErrorCode.ILLEGAL_ORDER_TRANSITION, from: 'PENDING', to: 'FULFILLED' },
    });
  });

  it('has CANCELLED and REFUNDED as its only terminal statuses', () => {
    expect(ALL.filter(isTerminal)).toEqual([CANCELLED, REFUNDED]);
    expect(() => assertTransition(CANCELLED, PENDING)).toThrow('An order cannot go from CANCELLED to PENDING.');
    expect(() => assertTransition(REFUNDED, PAID)).toThrow('An order cannot go from REFUNDED to PAID.');
  });

  it('lets an order be cancelled only before it is paid', () => {
    expect(CANCELLABLE_STATUSES).toEqual([PENDING, AWAITING_PAYMENT]);
  });

  it('reaches every status from PENDING', () => {
    const reached = new Set<OrderStatus>([PENDING]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const status of [...reached]) {
        for (const next of ORDER_TRANSITIONS[status]) {
          if (!reached.has(next)) {
            reached.add(next);
            grew = true;
          }
        }
      }
    }
    expect([...reached].sort()).toEqual([...ALL].sort());
  });
});
