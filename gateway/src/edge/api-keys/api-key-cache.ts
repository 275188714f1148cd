import type { ApiKeyLookupAnswer } from '@techally/platform';

interface Entry {
  readonly answer: ApiKeyLookupAnswer;
  readonly until: number;
}

/**
 * The answers of recent key lookups, by key hash, in one gateway process: a partner's requests cost one lookup
 * per `ttlMs`, and a key someone keeps trying after it was refused costs one too. Bounded (the oldest entry
 * goes first), so a flood of made-up keys costs memory no more than `maxEntries`.
 *
 * Only an `active` answer can become wrong (revoked, rotated): `forgetKey` drops it when the revocation is heard,
 * and a lookup that was in flight while a revocation arrived is not kept (`generation`). A refusal cannot become
 * valid — an unknown hash is a secret never issued, an expired key stays expired — so it is always kept.
 */
export class ApiKeyCache {
  private readonly entries = new Map<string, Entry>();
  private readonly hashesByKeyId = new Map<string, Set<string>>();
  /** Moves on at each revocation or gap: an answer looked up before a move is not kept. */
  private revocationGeneration = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
  ) {}

  get generation(): number {
    return this.revocationGeneration;
  }

  /** The answer remembered for the hash; an `active` one only when `trustActive` (revocations are being heard). */
  get(keyHash: string, now: number, trustActive: boolean): ApiKeyLookupAnswer | undefined {
    const entry = this.entries.get(keyHash);
    if (!entry) return undefined;
    if (entry.until <= now) {
      this.delete(keyHash);
      return undefined;
    }
    if (entry.answer.status === 'active' && !trustActive) return undefined;
    return entry.answer;
  }

  /** Keeps an answer looked up when the generation was `lookedUpAt` (not kept if a revocation came since). */
  set(keyHash: string, answer: ApiKeyLookupAnswer, now: number, lookedUpAt: number): void {
    if (this.ttlMs === 0 || lookedUpAt !== this.revocationGeneration) return;
    let until = now + this.ttlMs;
    if (answer.status === 'active') {
      // A valid key is never remembered past its expiry: the first request after it is refused as expired.
      until = Math.min(until, Date.parse(answer.key.expiresAt));
      const hashes = this.hashesByKeyId.get(answer.key.id) ?? new Set<string>();
      hashes.add(keyHash);
      this.hashesByKeyId.set(answer.key.id, hashes);
    }
    this.entries.delete(keyHash); // re-inserted last: the Map's order is the eviction order
    this.entries.set(keyHash, { answer, until });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.delete(oldest);
    }
  }

  /** The key was revoked or rotated: none of its secrets so far may be answered from here. */
  forgetKey(keyId: string): void {
    this.revocationGeneration += 1;
    for (const hash of this.hashesByKeyId.get(keyId) ?? []) this.entries.delete(hash);
    this.hashesByKeyId.delete(keyId);
  }

  /** Revocations may have been missed: forget every valid key (refusals stay true). */
  forgetActive(): void {
    this.revocationGeneration += 1;
    for (const hashes of this.hashesByKeyId.values()) for (const hash of hashes) this.entries.delete(hash);
    this.hashesByKeyId.clear();
  }

  get size(): number {
    return this.entries.size;
  }

  private delete(keyHash: string): void {
    const entry = this.entries.get(keyHash);
    this.entries.delete(keyHash);
    if (entry?.answer.status !== 'active') return;
    const hashes = this.hashesByKeyId.get(entry.answer.key.id);
    hashes?.delete(keyHash);
    if (hashes?.size === 0) this.hashesByKeyId.delete(entry.answer.key.id);
  }
}
