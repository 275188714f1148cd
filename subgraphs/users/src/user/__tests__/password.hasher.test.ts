import { createPasswordHasher } from '../password.hasher';

const cheap = { memoryCost: 64, timeCost: 1, parallelism: 1 };

describe('the password hasher', () => {
  const hasher = createPasswordHasher(cheap);

  it('makes argon2id hashes that verify the password and nothing else', async () => {
    const hash = await hasher.hash('correct-horse-battery');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=64,t=1,p=1\$/);
    await expect(hasher.verify(hash, 'correct-horse-battery')).resolves.toBe(true);
    await expect(hasher.verify(hash, 'correct-horse-batterY')).resolves.toBe(false);
  });

  it('answers false, not an error, for a stored value that is not a hash', async () => {
    await expect(hasher.verify('not-a-hash', 'anything')).resolves.toBe(false);
  });

  it('does the work of a verification for an unknown account and answers false', async () => {
    await expect(hasher.verifyAgainstNothing('whatever-was-typed')).resolves.toBe(false);
  });

  it('asks for a rehash when the parameters were raised', async () => {
    const hash = await hasher.hash('correct-horse-battery');
    expect(hasher.needsRehash(hash)).toBe(false);
    expect(createPasswordHasher({ ...cheap, timeCost: 2 }).needsRehash(hash)).toBe(true);
  });
});
