import { ConfigError } from '@techally/platform';
import { APOLLO_STUDIO_ORIGIN, loadCorsConfig } from '../cors-config';

describe('CORS_ORIGINS', () => {
  it('reads comma-separated exact origins, and adds Apollo Studio outside production only', () => {
    const source = { CORS_ORIGINS: ' https://shop.example , http://localhost:5173,' };
    expect([...loadCorsConfig(source, false).allowedOrigins]).toEqual(['https://shop.example', 'http://localhost:5173', APOLLO_STUDIO_ORIGIN]);
    expect([...loadCorsConfig(source, true).allowedOrigins]).toEqual(['https://shop.example', 'http://localhost:5173']);
  });

  it('allows no origin at all in production by default', () => {
    expect(loadCorsConfig({}, true).allowedOrigins.size).toBe(0);
  });

  it.each([
    ['*', /wildcards are not supported/],
    ['https://*.example.com', /wildcards are not supported/],
    ['null', /not an origin/],
    ['shop.example', /not an origin/],
    ['https://shop.example/', /write it as "https:\/\/shop.example"/],
    ['https://shop.example/graphql', /no path/],
    ['HTTPS://Shop.Example', /lower case/],
    ['ftp://shop.example', /only http and https/],
  ])('refuses %s at start, naming the variable', (entry, reason) => {
    const load = () => loadCorsConfig({ CORS_ORIGINS: `https://ok.example,${entry}` }, false);
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(/CORS_ORIGINS/);
    expect(load).toThrow(reason);
  });
});
