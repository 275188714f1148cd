import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '@techally/platform';
import { exportJWK, exportPKCS8, generateKeyPair } from 'jose';
import type { AccessTokenSettings } from '../../config';
import { loadSigningKey } from '../signing-key';

const base: AccessTokenSettings = {
  issuer: 'https://users.test',
  audience: 'graph',
  ttlSeconds: 900,
  signingKeyPem: undefined,
  signingKeyFile: undefined,
};

let directory: string;

beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), 'users-signing-key-'));
});

afterEach(() => {
  rmSync(directory, { recursive: true, force: true });
});

async function problemOf(settings: AccessTokenSettings): Promise<Record<string, string>> {
  const error: unknown = await loadSigningKey(settings).then(
    () => new Error('the key was accepted'),
    (rejection: unknown) => rejection,
  );
  if (error instanceof ConfigError) return { ...error.problems };
  throw error;
}

describe('the access-token signing key', () => {
  it('comes from JWT_SIGNING_KEY (PKCS8 PEM, also with literal \\n) and publishes only its public half', async () => {
    const { privateKey } = await generateKeyPair('ES256', { extractable: true });
    const pem = await exportPKCS8(privateKey);
    const key = await loadSigningKey({ ...base, signingKeyPem: pem.replace(/\n/g, '\\n') });
    expect(key.source).toBe('JWT_SIGNING_KEY');
    expect(key.publicJwk).toEqual({ kty: 'EC', crv: 'P-256', x: expect.any(String), y: expect.any(String), kid: key.kid, alg: 'ES256', use: 'sig' });
    expect(key.publicJwk).not.toHaveProperty('d');
  });

  it('is generated into JWT_SIGNING_KEY_FILE on first use and reused afterwards', async () => {
    const file = join(directory, 'nested', 'jwt-key.json');
    const first = await loadSigningKey({ ...base, signingKeyFile: file });
    const second = await loadSigningKey({ ...base, signingKeyFile: file });
    expect(first.source).toBe('JWT_SIGNING_KEY_FILE');
    expect(second.kid).toBe(first.kid);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ kty: 'EC', crv: 'P-256', d: expect.any(String) });
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('is the same for processes that start together on one new file', async () => {
    const file = join(directory, 'jwt-key.json');
    const keys = await Promise.all([1, 2, 3].map(() => loadSigningKey({ ...base, signingKeyFile: file })));
    expect(new Set(keys.map((key) => key.kid)).size).toBe(1);
  });

  it('prefers JWT_SIGNING_KEY over the file', async () => {
    const { privateKey } = await generateKeyPair('ES256', { extractable: true });
    const key = await loadSigningKey({ ...base, signingKeyPem: await exportPKCS8(privateKey), signingKeyFile: join(directory, 'unused.json') });
    expect(key.source).toBe('JWT_SIGNING_KEY');
  });

  it('is ephemeral when neither is set (development and tests only: config refuses it in production)', async () => {
    const [first, second] = await Promise.all([loadSigningKey(base), loadSigningKey(base)]);
    expect(first.source).toBe('ephemeral');
    expect(first.kid).not.toBe(second.kid);
  });

  it('refuses a PEM that is not a private key, naming JWT_SIGNING_KEY', async () => {
    expect(await problemOf({ ...base, signingKeyPem: 'not a pem' })).toEqual({ JWT_SIGNING_KEY: expect.stringMatching(/PKCS8/) });
  });

  it('refuses a key on another curve, naming JWT_SIGNING_KEY', async () => {
    const { privateKey } = await generateKeyPair('ES384', { extractable: true });
    expect(await problemOf({ ...base, signingKeyPem: await exportPKCS8(privateKey) })).toEqual({
      JWT_SIGNING_KEY: expect.stringMatching(/P-256/),
    });
  });

  it('refuses a key file holding something else, naming JWT_SIGNING_KEY_FILE', async () => {
    const garbage = join(directory, 'garbage.json');
    writeFileSync(garbage, '{ "hello": "world" }');
    expect(await problemOf({ ...base, signingKeyFile: garbage })).toHaveProperty('JWT_SIGNING_KEY_FILE');

    const { publicKey } = await generateKeyPair('ES256', { extractable: true });
    const publicOnly = join(directory, 'public.json');
    writeFileSync(publicOnly, JSON.stringify(await exportJWK(publicKey)));
    expect(await problemOf({ ...base, signingKeyFile: publicOnly })).toEqual({ JWT_SIGNING_KEY_FILE: expect.stringMatching(/private key/) });
  });
});
