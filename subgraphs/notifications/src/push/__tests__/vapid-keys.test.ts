import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '@techally/platform';
import { loadVapidKeys } from '../vapid-keys';

// README.md, *Channels*: the embedded start's VAPID keys live in a file under the data directory, made once.
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vapid-keys-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('loadVapidKeys', () => {
  it('generates the key pair into VAPID_KEYS_FILE on first use (owner-only) and reads the same keys afterwards', async () => {
    const path = join(dir, 'nested', 'vapid-keys.json');
    const first = await loadVapidKeys({ kind: 'file', path });
    expect(Buffer.from(first!.publicKey, 'base64url')).toHaveLength(65);
    expect(Buffer.from(first!.privateKey, 'base64url')).toHaveLength(32);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    await expect(loadVapidKeys({ kind: 'file', path })).resolves.toEqual(first);
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual(first);
  });

  it('gives two processes starting together the same keys', async () => {
    const path = join(dir, 'raced.json');
    const [one, two] = await Promise.all([loadVapidKeys({ kind: 'file', path }), loadVapidKeys({ kind: 'file', path })]);
    expect(one).toEqual(two);
  });

  it('refuses a file holding something else, naming VAPID_KEYS_FILE', async () => {
    const path = join(dir, 'garbage.json');
    await writeFile(path, '{"publicKey": "abc", "privateKey": "def"}');
    const error = await loadVapidKeys({ kind: 'file', path }).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toHaveProperty('VAPID_KEYS_FILE');
  });

  it('answers none (push off) without keys or a file, and the environment\'s keys as they are', async () => {
    await expect(loadVapidKeys({ kind: 'none' })).resolves.toBeNull();
    await expect(loadVapidKeys({ kind: 'env', publicKey: 'pub', privateKey: 'priv' })).resolves.toEqual({ publicKey: 'pub', privateKey: 'priv' });
  });
});
