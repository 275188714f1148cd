import { randomBytes } from 'node:crypto';
import * as argon2 from 'argon2';

/** argon2id cost parameters (config: ARGON2_MEMORY_KIB, ARGON2_TIME_COST, ARGON2_PARALLELISM). */
export interface PasswordHashingOptions {
  /** KiB of memory per hash. */
  readonly memoryCost: number;
  readonly timeCost: number;
  readonly parallelism: number;
}

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  /** True when `password` matches `hash`; false for a mismatch or a hash we cannot read. */
  verify(hash: string, password: string): Promise<boolean>;
  /**
   * Spends the same time as verifying a real account's password and returns false: what log-in does for an
   * unknown email, so the response time does not tell whether an account exists.
   */
  verifyAgainstNothing(password: string): Promise<false>;
  /** True when `hash` was made with other parameters than the current ones (upgrade it on the next log-in). */
  needsRehash(hash: string): boolean;
}

/** argon2id with the configured costs. One per subgraph (it caches the dummy hash). */
export function createPasswordHasher(options: PasswordHashingOptions): PasswordHasher {
  const params = { type: argon2.argon2id, ...options };
  const hash = (password: string) => argon2.hash(password, params);
  // Made up front, so even the first unknown email costs one verification, like every other.
  const dummyHash = hash(randomBytes(32).toString('base64url'));
  dummyHash.catch(() => undefined); // a failure surfaces in verifyAgainstNothing, not as an unhandled rejection
  return {
    hash,
    async verify(storedHash, password) {
      try {
        return await argon2.verify(storedHash, password);
      } catch {
        return false;
      }
    },
    async verifyAgainstNothing(password) {
      await argon2.verify(await dummyHash, password).catch(() => false);
      return false;
    },
    needsRehash(storedHash) {
      try {
        return argon2.needsRehash(storedHash, options);
      } catch {
        return false;
      }
    },
  };
}
