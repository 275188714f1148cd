import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { ConfigError, type Logger } from '@techally/platform';
import { generateVAPIDKeys } from 'web-push';
import type { VapidKeySource } from '../config';

/** The application server's key pair (RFC 8292): browsers subscribe with the public half, pushes are signed with the private. */
export interface VapidKeys {
  /** base64url of the uncompressed P-256 point (65 bytes): `Query.pushPublicKey`, the browser's `applicationServerKey`. */
  readonly publicKey: string;
  /** base64url of the 32-byte private scalar. */
  readonly privateKey: string;
}

/**
 * The VAPID keys: from VAPID_PUBLIC_KEY / VAPID_PRIVATE_KEY, else from VAPID_KEYS_FILE (generated there on first
 * use — the local starts point it at the data directory — so browsers' subscriptions survive restarts), else
 * none: this server then sends no push (`pushPublicKey` is null). A key that changes invalidates every
 * subscription made with the old one, which is why there is no ephemeral fallback.
 */
export async function loadVapidKeys(source: VapidKeySource, logger?: Logger): Promise<VapidKeys | null> {
  switch (source.kind) {
    case 'env':
      return { publicKey: source.publicKey, privateKey: source.privateKey };
    case 'file':
      return fromFile(source.path, logger);
    case 'none':
      logger?.info('no VAPID_PUBLIC_KEY/VAPID_PRIVATE_KEY or VAPID_KEYS_FILE: web push is off');
      return null;
  }
}

async function fromFile(path: string, logger?: Logger): Promise<VapidKeys> {
  let text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw new ConfigError({ VAPID_KEYS_FILE: `cannot be read (${error.code ?? error.message})` });
  });
  if (text === undefined) {
    const keys = generateVAPIDKeys();
    await mkdir(dirname(path), { recursive: true });
    // 'wx': when two processes start together, one writes and the other reads what it wrote.
    const created = await writeFile(path, JSON.stringify({ publicKey: keys.publicKey, privateKey: keys.privateKey }, null, 2) + '\n', {
      flag: 'wx',
      mode: 0o600,
    }).then(
      () => true,
      (error: NodeJS.ErrnoException) => {
        if (error.code === 'EEXIST') return false;
        throw new ConfigError({ VAPID_KEYS_FILE: `cannot be created (${error.code ?? error.message})` });
      },
    );
    if (created) logger?.info({ path }, 'generated a new VAPID key pair for web push');
    text = await readFile(path, 'utf8');
  }
  const keys = parseKeys(text);
  if (!keys) throw new ConfigError({ VAPID_KEYS_FILE: `does not hold {"publicKey", "privateKey"} in base64url (65 and 32 bytes) (${path})` });
  return keys;
}

function parseKeys(text: string): VapidKeys | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  const { publicKey, privateKey } = (value ?? {}) as Record<string, unknown>;
  const ok = (key: unknown, bytes: number) => typeof key === 'string' && /^[A-Za-z0-9_-]+$/.test(key) && Buffer.from(key, 'base64url').length === bytes;
  return ok(publicKey, 65) && ok(privateKey, 32) ? { publicKey: publicKey as string, privateKey: privateKey as string } : null;
}
