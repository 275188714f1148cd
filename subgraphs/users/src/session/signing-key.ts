import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { ConfigError, ACCESS_TOKEN_ALGORITHM, type Logger } from '@techally/platform';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, importPKCS8, type JWK, type KeyLike } from 'jose';
import type { AccessTokenSettings } from '../config';

/** The key that signs access tokens, and its public half as published in the JWKS. */
export interface SigningKey {
  readonly privateKey: KeyLike;
  /** Public JWK with `kid`, `alg` and `use`: what `/.well-known/jwks.json` lists. */
  readonly publicJwk: JWK;
  readonly kid: string;
  /** Where it came from, for the start-up log. */
  readonly source: 'JWT_SIGNING_KEY' | 'JWT_SIGNING_KEY_FILE' | 'ephemeral';
}

/**
 * The access-token signing key: JWT_SIGNING_KEY (PKCS8 PEM) if set, else the JWK in JWT_SIGNING_KEY_FILE
 * (generated there on first use, so restarts keep sessions valid), else a key that lives as long as the
 * process (config refuses that in production). A bad key stops the start with a ConfigError naming the variable.
 */
export async function loadSigningKey(settings: AccessTokenSettings, logger?: Logger): Promise<SigningKey> {
  if (settings.signingKeyPem) return fromPem(settings.signingKeyPem);
  if (settings.signingKeyFile) return fromFile(settings.signingKeyFile, logger);
  logger?.warn('no JWT_SIGNING_KEY or JWT_SIGNING_KEY_FILE: signing with an ephemeral key (sessions end at restart)');
  const { privateKey } = await generateKeyPair(ACCESS_TOKEN_ALGORITHM, { extractable: true });
  return describe(privateKey, await exportJWK(privateKey), 'ephemeral');
}

async function fromPem(pem: string): Promise<SigningKey> {
  // Environment files often carry a PEM on one line with literal "\n".
  const text = pem.includes('\\n') ? pem.replace(/\\n/g, '\n') : pem;
  let privateKey: KeyLike;
  try {
    privateKey = await importPKCS8(text.trim(), ACCESS_TOKEN_ALGORITHM, { extractable: true });
  } catch {
    throw new ConfigError({ JWT_SIGNING_KEY: 'is not a PKCS8 PEM ("-----BEGIN PRIVATE KEY-----") of a P-256 key' });
  }
  const jwk = await exportJWK(privateKey);
  assertP256(jwk, 'JWT_SIGNING_KEY');
  return describe(privateKey, jwk, 'JWT_SIGNING_KEY');
}

async function fromFile(path: string, logger?: Logger): Promise<SigningKey> {
  let text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw new ConfigError({ JWT_SIGNING_KEY_FILE: `cannot be read (${error.code ?? error.message})` });
  });
  if (text === undefined) {
    const { privateKey } = await generateKeyPair(ACCESS_TOKEN_ALGORITHM, { extractable: true });
    const jwk = { ...(await exportJWK(privateKey)), alg: ACCESS_TOKEN_ALGORITHM };
    await mkdir(dirname(path), { recursive: true });
    // 'wx': when two processes start together, one writes and the other reads what it wrote.
    const created = await writeFile(path, JSON.stringify(jwk, null, 2) + '\n', { flag: 'wx', mode: 0o600 }).then(
      () => true,
      (error: NodeJS.ErrnoException) => {
        if (error.code === 'EEXIST') return false;
        throw new ConfigError({ JWT_SIGNING_KEY_FILE: `cannot be created (${error.code ?? error.message})` });
      },
    );
    if (created) logger?.info({ path }, 'generated a new access-token signing key');
    text = await readFile(path, 'utf8');
  }
  let jwk: JWK;
  let privateKey: KeyLike;
  try {
    jwk = JSON.parse(text) as JWK;
    privateKey = (await importJWK(jwk, ACCESS_TOKEN_ALGORITHM)) as KeyLike;
  } catch {
    throw new ConfigError({ JWT_SIGNING_KEY_FILE: `does not hold a private JWK of a P-256 key (${path})` });
  }
  assertP256(jwk, 'JWT_SIGNING_KEY_FILE');
  if (!jwk.d) throw new ConfigError({ JWT_SIGNING_KEY_FILE: `holds a public key; the private key is needed (${path})` });
  return describe(privateKey, jwk, 'JWT_SIGNING_KEY_FILE');
}

function assertP256(jwk: JWK, variable: string): void {
  if (jwk.kty !== 'EC' || jwk.crv !== 'P-256') {
    throw new ConfigError({ [variable]: `must be a P-256 (ES256) key, got ${jwk.kty ?? '?'} ${jwk.crv ?? ''}`.trim() });
  }
}

/** The kid is the RFC 7638 thumbprint: stable for a key, different for the next one, nothing to configure. */
async function describe(privateKey: KeyLike, jwk: JWK, source: SigningKey['source']): Promise<SigningKey> {
  const publicPart: JWK = { kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y };
  const kid = await calculateJwkThumbprint(publicPart);
  return { privateKey, kid, source, publicJwk: { ...publicPart, kid, alg: ACCESS_TOKEN_ALGORITHM, use: 'sig' } };
}
