import { ConfigError } from '../env';
import { readWorkerCount } from '../worker-count';

describe('readWorkerCount', () => {
  it('is 1 when unset or empty, and the number when it is a whole number from 1 to 64', () => {
    expect(readWorkerCount('SUBGRAPH_WORKERS', {})).toBe(1);
    expect(readWorkerCount('SUBGRAPH_WORKERS', { SUBGRAPH_WORKERS: ' ' })).toBe(1);
    expect(readWorkerCount('GATEWAY_WORKERS', { GATEWAY_WORKERS: '4' })).toBe(4);
    expect(readWorkerCount('GATEWAY_WORKERS', { GATEWAY_WORKERS: '64' })).toBe(64);
  });

  it.each(['0', '-1', '1.5', 'two', '65', '2e1'])('refuses %p with a ConfigError naming the variable', (value) => {
    const read = () => readWorkerCount('GATEWAY_WORKERS', { GATEWAY_WORKERS: value });
    expect(read).toThrow(ConfigError);
    expect(read).toThrow(`GATEWAY_WORKERS: must be a whole number from 1 to 64, got "${value}"`);
  });

  it('refuses more than one worker without the servers the workers share, naming each missing one', () => {
    expect(() => readWorkerCount('SUBGRAPH_WORKERS', { SUBGRAPH_WORKERS: '2' }, ['DATABASE_URL', 'REDIS_URL'])).toThrow(
      'SUBGRAPH_WORKERS: 2 workers need DATABASE_URL and REDIS_URL',
    );
    expect(readWorkerCount('SUBGRAPH_WORKERS', { SUBGRAPH_WORKERS: '1' }, ['DATABASE_URL'])).toBe(1);
    expect(readWorkerCount('SUBGRAPH_WORKERS', { SUBGRAPH_WORKERS: '2', DATABASE_URL: 'postgres://db/x' }, ['DATABASE_URL'])).toBe(2);
  });
});
