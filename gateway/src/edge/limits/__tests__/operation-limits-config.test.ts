import { loadOperationLimits } from '../operation-limits-config';

describe('operation limits configuration', () => {
  it('has documented defaults, suggestions on outside production', () => {
    expect(loadOperationLimits({}, false)).toEqual({
      enabled: true,
      fieldSuggestions: true,
      maxDepth: 12,
      maxAliases: 30,
      maxDirectives: 50,
      maxTokens: 3_000,
      maxCost: 10_000,
      defaultListSize: 10,
      maxSubscriptionsPerConnection: 100,
      maxConnectionsPerClient: 100,
    });
    expect(loadOperationLimits({}, true).fieldSuggestions).toBe(false);
  });

  it('reads each limit from its variable', () => {
    const limits = loadOperationLimits(
      {
        GATEWAY_OPERATION_LIMITS: 'off',
        GATEWAY_FIELD_SUGGESTIONS: 'on',
        GATEWAY_MAX_DEPTH: '8',
        GATEWAY_MAX_ALIASES: '0',
        GATEWAY_MAX_DIRECTIVES: '5',
        GATEWAY_MAX_TOKENS: '500',
        GATEWAY_MAX_COST: '2000',
        GATEWAY_COST_DEFAULT_LIST_SIZE: '25',
        GATEWAY_MAX_SUBSCRIPTIONS_PER_CONNECTION: '20',
        GATEWAY_MAX_CONNECTIONS_PER_CLIENT: '4',
      },
      true,
    );
    expect(limits).toEqual({
      enabled: false,
      fieldSuggestions: true,
      maxDepth: 8,
      maxAliases: 0,
      maxDirectives: 5,
      maxTokens: 500,
      maxCost: 2_000,
      defaultListSize: 25,
      maxSubscriptionsPerConnection: 20,
      maxConnectionsPerClient: 4,
    });
  });

  it('refuses values out of range, naming every variable at fault', () => {
    expect(() => loadOperationLimits({ GATEWAY_MAX_DEPTH: '0', GATEWAY_MAX_COST: 'lots', GATEWAY_OPERATION_LIMITS: 'maybe' }, false)).toThrow(
      /GATEWAY_MAX_DEPTH[^]*GATEWAY_MAX_COST|GATEWAY_MAX_COST[^]*GATEWAY_MAX_DEPTH/,
    );
    expect(() => loadOperationLimits({ GATEWAY_OPERATION_LIMITS: 'maybe' }, false)).toThrow(/GATEWAY_OPERATION_LIMITS/);
    expect(() => loadOperationLimits({ GATEWAY_MAX_CONNECTIONS_PER_CLIENT: '0' }, false)).toThrow(/GATEWAY_MAX_CONNECTIONS_PER_CLIENT/);
  });
});
