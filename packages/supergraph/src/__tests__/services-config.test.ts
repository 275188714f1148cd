import { ConfigError } from '@techally/platform';
import { loadServicesLauncherConfig } from '../services-config';

const SERVERS = { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/shop', REDIS_URL: 'redis://127.0.0.1:6379' };

describe('loadServicesLauncherConfig (pnpm start:services)', () => {
  it('needs DATABASE_URL and REDIS_URL, naming each and pointing at the start that needs no servers', () => {
    const read = () => loadServicesLauncherConfig({ DATABASE_URL: ' ' }, '/repo');
    expect(read).toThrow(ConfigError);
    expect(read).toThrow(/DATABASE_URL: is required: .*`pnpm start` is the start that needs no servers/);
    expect(read).toThrow(/REDIS_URL: is required/);
  });

  it('reads SEED_DEMO_DATA and the worker counts, with their defaults', () => {
    expect(loadServicesLauncherConfig(SERVERS, '/repo')).toEqual({ seedDemoData: false, gatewayWorkers: 1, subgraphWorkers: 1, dataDir: '/repo/.data' });
    expect(
      loadServicesLauncherConfig({ ...SERVERS, SEED_DEMO_DATA: 'TRUE', GATEWAY_WORKERS: '2', SUBGRAPH_WORKERS: '3', DATA_DIR: '/tmp/shop' }, '/repo'),
    ).toEqual({ seedDemoData: true, gatewayWorkers: 2, subgraphWorkers: 3, dataDir: '/tmp/shop' });
  });

  it('names every malformed setting in one error', () => {
    const read = () => loadServicesLauncherConfig({ ...SERVERS, SEED_DEMO_DATA: 'yes', GATEWAY_WORKERS: '0', SUBGRAPH_WORKERS: 'many' }, '/repo');
    expect(read).toThrow(/SEED_DEMO_DATA: must be true or false, got "yes"/);
    expect(read).toThrow(/GATEWAY_WORKERS: must be a whole number from 1 to 64, got "0"/);
    expect(read).toThrow(/SUBGRAPH_WORKERS: must be a whole number from 1 to 64, got "many"/);
  });
});
