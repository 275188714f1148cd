import { ConfigError } from '@techally/platform';
import { DEFAULT_LIST_SIZE } from './operation-cost';

/** The gateway's operation limits (GATEWAY_MAX_*; gateway/README.md, *Operation limits*). */
export interface OperationLimits {
  /** GATEWAY_OPERATION_LIMITS=on|off (default on): off lifts depth, aliases, directives, tokens and cost. */
  readonly enabled: boolean;
  /** Deepest field nesting (GATEWAY_MAX_DEPTH); fragments add no level. */
  readonly maxDepth: number;
  /** Aliased fields in one operation, `__typename` aside (GATEWAY_MAX_ALIASES). */
  readonly maxAliases: number;
  /** Directives in one operation (GATEWAY_MAX_DIRECTIVES). */
  readonly maxDirectives: number;
  /** Tokens in one document: parsing stops past it (GATEWAY_MAX_TOKENS). */
  readonly maxTokens: number;
  /** Highest `operationCost` (GATEWAY_MAX_COST). */
  readonly maxCost: number;
  /** Items assumed for a list no `first`/`last` bounds (GATEWAY_COST_DEFAULT_LIST_SIZE). */
  readonly defaultListSize: number;
  /** "Did you mean …?" in validation messages (GATEWAY_FIELD_SUGGESTIONS; default on except in production). */
  readonly fieldSuggestions: boolean;
  /** Subscriptions open at once on one WebSocket connection (GATEWAY_MAX_SUBSCRIPTIONS_PER_CONNECTION). */
  readonly maxSubscriptionsPerConnection: number;
  /**
   * WebSocket connections open at once from one client address, per gateway process
   * (GATEWAY_MAX_CONNECTIONS_PER_CLIENT; the address as GATEWAY_TRUSTED_PROXIES lets it be known).
   */
  readonly maxConnectionsPerClient: number;
}

/** The defaults: every operation in clients/ passes at its largest page size (tested), the abusive shapes do not. */
export const DEFAULT_OPERATION_LIMITS = Object.freeze({
  maxDepth: 12,
  maxAliases: 30,
  maxDirectives: 50,
  maxTokens: 3_000,
  maxCost: 10_000,
  defaultListSize: DEFAULT_LIST_SIZE,
  maxSubscriptionsPerConnection: 100,
  maxConnectionsPerClient: 100,
});

const INTEGERS = [
  ['GATEWAY_MAX_DEPTH', 'maxDepth', 1, 1_000],
  ['GATEWAY_MAX_ALIASES', 'maxAliases', 0, 100_000],
  ['GATEWAY_MAX_DIRECTIVES', 'maxDirectives', 0, 100_000],
  ['GATEWAY_MAX_TOKENS', 'maxTokens', 10, 10_000_000],
  ['GATEWAY_MAX_COST', 'maxCost', 1, Number.MAX_SAFE_INTEGER],
  ['GATEWAY_COST_DEFAULT_LIST_SIZE', 'defaultListSize', 1, 100_000],
  ['GATEWAY_MAX_SUBSCRIPTIONS_PER_CONNECTION', 'maxSubscriptionsPerConnection', 1, 100_000],
  ['GATEWAY_MAX_CONNECTIONS_PER_CLIENT', 'maxConnectionsPerClient', 1, 1_000_000],
] as const;

/** Reads GATEWAY_OPERATION_LIMITS, GATEWAY_MAX_* and friends; a bad value is a ConfigError naming the variable. */
export function loadOperationLimits(source: Record<string, string | undefined>, isProduction: boolean): OperationLimits {
  const problems: Record<string, string> = {};
  const onOff = (name: string, fallback: boolean): boolean => {
    const text = source[name]?.trim().toLowerCase() || (fallback ? 'on' : 'off');
    if (!['on', 'off', 'true', 'false'].includes(text)) problems[name] = `on or off, got "${text}"`;
    return text === 'on' || text === 'true';
  };
  const limits: Record<string, number | boolean> = {
    enabled: onOff('GATEWAY_OPERATION_LIMITS', true),
    fieldSuggestions: onOff('GATEWAY_FIELD_SUGGESTIONS', !isProduction),
  };
  for (const [name, key, min, max] of INTEGERS) {
    const text = source[name]?.trim() || String(DEFAULT_OPERATION_LIMITS[key]);
    const value = Number(text);
    if (!/^\d+$/.test(text) || value < min || value > max) problems[name] = `a whole number from ${min} to ${max}, got "${text}"`;
    limits[key] = value;
  }
  if (Object.keys(problems).length > 0) throw new ConfigError(problems);
  return Object.freeze(limits as unknown as OperationLimits);
}
