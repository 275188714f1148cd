import { isIPv4, isIPv6 } from 'node:net';
import type { Viewer } from '@techally/platform';
import type { PartnerCaller } from '../partner-caller';

/**
 * The budgets a request can spend, one counter each. Also the `budget` label of the refusals metric, so the
 * set is closed: a partner's tier is part of the kind, the key itself never is.
 */
export const BUDGET_KINDS = ['anonymous', 'user', 'partner-basic', 'partner-standard', 'partner-premium', 'credentials'] as const;
export type BudgetKind = (typeof BUDGET_KINDS)[number];

/** Whose counter a request is charged to. */
export interface CallerBudget {
  readonly kind: Exclude<BudgetKind, 'credentials'>;
  /** The counter's key within its kind: an API key id, a user id, or a client bucket. */
  readonly key: string;
}

/** Who is asking, as the edge knows it once the request is authenticated. */
export interface Caller {
  readonly partner: PartnerCaller | null;
  readonly viewer: Viewer | null;
  /** The client's address (clientAddressOf, with GATEWAY_TRUSTED_PROXIES). */
  readonly clientAddress: string;
}

/**
 * A partner is charged per API key at its tier's size (its end users may be many, behind the partner's own
 * servers); a signed-in caller per user, wherever they connect from (one account cannot multiply its budget by
 * changing networks, and a household behind one NAT does not share it); anyone else per client bucket.
 */
export function callerBudgetOf(caller: Caller): CallerBudget {
  if (caller.partner) return { kind: `partner-${caller.partner.tier}`, key: caller.partner.keyId };
  if (caller.viewer) return { kind: 'user', key: caller.viewer.userId };
  return { kind: 'anonymous', key: clientBucketOf(caller.clientAddress) };
}

/**
 * The counter an address is charged to. An IPv4 address is its own; an IPv4-mapped IPv6 address (`::ffff:a.b.c.d`,
 * what a dual-stack socket reports) is the IPv4 one; any other IPv6 address is charged to its /64, because a
 * single subscriber is handed a whole /64 and could otherwise take a fresh address — a fresh budget — per request.
 */
export function clientBucketOf(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1] && isIPv4(mapped[1])) return mapped[1];
  if (isIPv4(address)) return address;
  if (isIPv6(address)) return `${ipv6Groups(address).slice(0, 4).join(':')}::/64`;
  return address;
}

/** The eight 16-bit groups of an IPv6 address (zone dropped, `::` expanded), lower-case hex without leading zeros. */
function ipv6Groups(address: string): string[] {
  const [head = '', tail] = address.split('%')[0]!.toLowerCase().split('::');
  const parse = (part: string | undefined) => (part ? part.split(':') : []);
  let left = parse(head);
  let right = parse(tail);
  // An embedded IPv4 tail (`…:1.2.3.4`) is two groups.
  const toGroups = (groups: string[]) =>
    groups.flatMap((group) => {
      if (!group.includes('.')) return [group];
      const [a, b, c, d] = group.split('.').map(Number) as [number, number, number, number];
      return [((a << 8) | b).toString(16), ((c << 8) | d).toString(16)];
    });
  left = toGroups(left);
  right = toGroups(right);
  const zeros = tail === undefined ? [] : Array<string>(8 - left.length - right.length).fill('0');
  return [...left, ...zeros, ...right].map((group) => parseInt(group, 16).toString(16));
}
