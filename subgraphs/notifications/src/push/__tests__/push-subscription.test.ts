import { DomainError } from '@techally/platform';
import { normalizeSmsNumber } from '../../preferences/sms-number';
import { hasUsableKeys, parsePushSubscription } from '../push-subscription';
import { testBrowser } from './local-push-service';

// What registerPushSubscription and updateNotificationPreferences take before anything is stored.
const { target } = testBrowser('https://push.example/send/abc123');

function fieldOf(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).extensions['code']).toBe('BAD_USER_INPUT');
    return (error as DomainError).extensions['field'];
  }
  throw new Error('accepted');
}

describe('parsePushSubscription', () => {
  it('takes what PushSubscription.toJSON() gives, padded keys too, and stores the keys unpadded', () => {
    expect(parsePushSubscription(target, { requireHttps: true })).toEqual(target);
    const padded = { ...target, keys: { p256dh: target.keys.p256dh + '=', auth: target.keys.auth + '==' } };
    expect(parsePushSubscription(padded, { requireHttps: true })).toEqual(target);
  });

  it('takes an http push service outside production only', () => {
    const local = { ...target, endpoint: 'http://127.0.0.1:8090/push/1' };
    expect(parsePushSubscription(local, { requireHttps: false }).endpoint).toBe(local.endpoint);
    expect(fieldOf(() => parsePushSubscription(local, { requireHttps: true }))).toBe('subscription.endpoint');
  });

  it('refuses credentials in the URL, an endpoint too long to be one, and keys of the wrong length', () => {
    expect(fieldOf(() => parsePushSubscription({ ...target, endpoint: 'https://user:pw@push.example/x' }, { requireHttps: true }))).toBe('subscription.endpoint');
    expect(fieldOf(() => parsePushSubscription({ ...target, endpoint: `https://push.example/${'x'.repeat(2_100)}` }, { requireHttps: true }))).toBe('subscription.endpoint');
    const shortAuth = { ...target, keys: { ...target.keys, auth: Buffer.alloc(8).toString('base64url') } };
    expect(fieldOf(() => parsePushSubscription(shortAuth, { requireHttps: true }))).toBe('subscription.keys.auth');
    expect(hasUsableKeys(shortAuth)).toBe(false);
    expect(hasUsableKeys(target)).toBe(true);
  });
});

describe('normalizeSmsNumber', () => {
  it.each([
    ['+4915112345678', '+4915112345678'],
    ['+49 151 1234-5678', '+4915112345678'],
    ['+1 (415) 555.0100', '+14155550100'],
    ['+2904123', '+2904123'],
  ])('takes %s as %s', (input, expected) => {
    expect(normalizeSmsNumber(input)).toBe(expected);
  });

  it.each(['015112345678', '+0151123456', '+49151123456789012', '+49 151 CALL', '++4915112345678', '+123'])('refuses %s', (input) => {
    expect(fieldOf(() => normalizeSmsNumber(input))).toBe('smsNumber');
  });
});
