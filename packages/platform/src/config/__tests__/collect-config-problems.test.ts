import { collectConfigProblems, ConfigError } from '../env';

describe('collectConfigProblems', () => {
  it('answers what the reader read', () => {
    const problems: Record<string, string> = {};
    expect(collectConfigProblems(problems, () => 42)).toBe(42);
    expect(problems).toEqual({});
  });

  it('gathers the problems of several failing readers, so one error can name them all', () => {
    const problems: Record<string, string> = {};
    expect(collectConfigProblems(problems, () => { throw new ConfigError({ PORT: 'not a port' }); })).toBeUndefined();
    collectConfigProblems(problems, () => { throw new ConfigError({ REDIS_URL: 'must be a redis:// URL' }); });
    expect(new ConfigError(problems).message).toBe('Invalid configuration:\n  PORT: not a port\n  REDIS_URL: must be a redis:// URL');
  });

  it('lets any other error through', () => {
    expect(() => collectConfigProblems({}, () => { throw new TypeError('a bug'); })).toThrow(TypeError);
  });
});
