import { ConfigError } from '@techally/platform';
import { generateVAPIDKeys } from 'web-push';
import { loadNotificationsConfig } from '../config';

// README.md, *Configuration*: the channels' variables, their defaults, and each bad value named at start.
const BASE = { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/techally' };
const vapid = generateVAPIDKeys();

function problemsOf(source: Record<string, string>): Record<string, string> {
  try {
    loadNotificationsConfig({ ...BASE, ...source });
  } catch (error) {
    if (error instanceof ConfigError) return { ...error.problems };
    throw error;
  }
  throw new Error('the configuration was accepted');
}

describe('loadNotificationsConfig (channels)', () => {
  it('has no push and the local SMS fake by default, and http push endpoints outside production', () => {
    expect(loadNotificationsConfig(BASE)).toMatchObject({
      push: { vapid: { kind: 'none' }, subject: 'mailto:notifications@techally.local', timeoutMs: 10_000, requireHttps: false },
      sms: { kind: 'fake' },
    });
  });

  it('takes the VAPID keys from the environment, else the key file', () => {
    expect(loadNotificationsConfig({ ...BASE, VAPID_PUBLIC_KEY: vapid.publicKey, VAPID_PRIVATE_KEY: vapid.privateKey, VAPID_KEYS_FILE: '/data/vapid.json' }).push.vapid).toEqual({
      kind: 'env',
      publicKey: vapid.publicKey,
      privateKey: vapid.privateKey,
    });
    expect(loadNotificationsConfig({ ...BASE, VAPID_KEYS_FILE: '/data/vapid.json' }).push.vapid).toEqual({ kind: 'file', path: '/data/vapid.json' });
  });

  it('names a VAPID half without the other, keys of the wrong size and a subject that is not mailto: or https:', () => {
    expect(problemsOf({ VAPID_PUBLIC_KEY: vapid.publicKey })).toEqual({ VAPID_PRIVATE_KEY: 'is required with VAPID_PUBLIC_KEY' });
    expect(problemsOf({ VAPID_PUBLIC_KEY: vapid.privateKey, VAPID_PRIVATE_KEY: vapid.publicKey })).toEqual({
      VAPID_PUBLIC_KEY: expect.stringMatching(/65 bytes/),
      VAPID_PRIVATE_KEY: expect.stringMatching(/32 bytes/),
    });
    expect(problemsOf({ VAPID_SUBJECT: 'http://techally.example' })).toEqual({ VAPID_SUBJECT: 'must be a mailto: address or an https: URL' });
  });

  it('uses the HTTP SMS provider when its URL is set, and requires its token', () => {
    expect(loadNotificationsConfig({ ...BASE, SMS_PROVIDER_URL: 'https://sms.example/v1/messages', SMS_API_TOKEN: 'secret', SMS_TIMEOUT_MS: '2500' }).sms).toEqual({
      kind: 'http',
      url: 'https://sms.example/v1/messages',
      token: 'secret',
      timeoutMs: 2500,
    });
    expect(problemsOf({ SMS_PROVIDER_URL: 'https://sms.example/v1/messages' })).toEqual({ SMS_API_TOKEN: 'is required with SMS_PROVIDER_URL' });
    expect(problemsOf({ SMS_API_TOKEN: 'secret' })).toEqual({ SMS_PROVIDER_URL: 'is required with SMS_API_TOKEN' });
    expect(problemsOf({ SMS_PROVIDER_URL: 'sms.example', SMS_API_TOKEN: 'secret' })).toEqual({ SMS_PROVIDER_URL: 'is not a URL' });
  });

  it('in production: https only (push endpoints, the SMS provider), and no fake that would swallow SMS', () => {
    const production = loadNotificationsConfig({ ...BASE, NODE_ENV: 'production' });
    expect(production).toMatchObject({ push: { requireHttps: true, vapid: { kind: 'none' } }, sms: { kind: 'none' } });
    expect(problemsOf({ NODE_ENV: 'production', SMS_PROVIDER_URL: 'http://sms.example/', SMS_API_TOKEN: 'secret' })).toEqual({
      SMS_PROVIDER_URL: 'must be https in production (it carries the bearer token)',
    });
  });
});
