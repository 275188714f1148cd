import { ConfigError } from '@techally/platform';
import { loadRateLimitConfig, loadTrustedProxies, RATE_LIMIT_DEFAULTS } from '../rate-limit-config';

describe('the rate limits’ configuration', () => {
  it('has defaults for a real shop, on, with counters under the bus’s prefix', () => {
    const config = loadRateLimitConfig({}, 'techally');
    expect(config.enabled).toBe(true);
    expect(config.anonymous).toEqual({ points: RATE_LIMIT_DEFAULTS.anonymous, windowSeconds: 60 });
    expect(config.partner.premium.points).toBeGreaterThan(config.partner.standard.points);
    expect(config.partner.standard.points).toBeGreaterThan(config.partner.basic.points);
    expect(config.credentials.points).toBeLessThan(config.anonymous.points);
    expect(config.keyPrefix).toBe('techally:rate-limit');
    expect(loadTrustedProxies({})).toBe(0);
  });

  it('names every malformed variable', () => {
    let problem: unknown;
    try {
      loadRateLimitConfig({ GATEWAY_RATE_LIMITS: 'maybe', GATEWAY_RATE_LIMIT_ANONYMOUS: '-1', GATEWAY_RATE_LIMIT_PARTNER_BASIC: 'lots' }, 'p');
    } catch (error) {
      problem = error;
    }
    expect(problem).toBeInstanceOf(ConfigError);
    expect(Object.keys((problem as ConfigError).problems).sort()).toEqual([
      'GATEWAY_RATE_LIMITS',
      'GATEWAY_RATE_LIMIT_ANONYMOUS',
      'GATEWAY_RATE_LIMIT_PARTNER_BASIC',
    ]);
    expect(() => loadTrustedProxies({ GATEWAY_TRUSTED_PROXIES: 'all' })).toThrow(/GATEWAY_TRUSTED_PROXIES/);
  });
});
