import { ConfigError } from '@techally/platform';
import { loadGatewayConfig } from '../../../config';

describe('persisted-documents configuration', () => {
  it('logs outside production and lets first-party callers send any text; enforces the manifest in production', () => {
    expect(loadGatewayConfig({}).persistedDocuments).toMatchObject({ mode: 'log', firstParty: 'any', apqTtlSeconds: 86_400, apqKeyPrefix: 'techally:apq' });
    expect(loadGatewayConfig({ NODE_ENV: 'production' }).persistedDocuments).toMatchObject({ mode: 'enforce', firstParty: 'manifest' });
  });

  it('takes each setting from its variable, the APQ prefix under EVENTS_KEY_PREFIX', () => {
    const config = loadGatewayConfig({
      NODE_ENV: 'production',
      PERSISTED_DOCUMENTS: 'log',
      PERSISTED_DOCUMENTS_FIRST_PARTY: 'any',
      PERSISTED_DOCUMENTS_APQ_TTL_SECONDS: '600',
      EVENTS_KEY_PREFIX: 'shop-a',
      PERSISTED_DOCUMENTS_PATH: '/srv/manifest.json',
    }).persistedDocuments;
    expect(config).toMatchObject({ mode: 'log', firstParty: 'any', apqTtlSeconds: 600, apqKeyPrefix: 'shop-a:apq', manifestPath: '/srv/manifest.json' });
  });

  it('stops on a bad value, naming the variable', () => {
    const load = () => loadGatewayConfig({ PERSISTED_DOCUMENTS: 'strict', PERSISTED_DOCUMENTS_FIRST_PARTY: 'all', PERSISTED_DOCUMENTS_APQ_TTL_SECONDS: '1' });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(/PERSISTED_DOCUMENTS.*off, log, enforce/s);
    expect(load).toThrow(/PERSISTED_DOCUMENTS_FIRST_PARTY/);
    expect(load).toThrow(/PERSISTED_DOCUMENTS_APQ_TTL_SECONDS/);
  });
});
