import type { EntityManager } from '@mikro-orm/postgresql';
import { tableOf } from '../sql';
import { UserEntity } from '../user/user.entity';
import { RefreshTokenEntity } from './refresh-token.entity';

/** What a successful claim tells about the token it used up. */
export interface ClaimedRefreshToken {
  readonly userId: string;
  readonly familyId: string;
}

/** Storage of refresh tokens (by hash). The claim and the revocation are single statements on purpose. */
export class RefreshTokenRepository {
  constructor(private readonly em: EntityManager) {}

  async insert(input: { userId: string; familyId: string; tokenHash: string; expiresAt: Date; now: Date }): Promise<void> {
    const token = new RefreshTokenEntity();
    token.user = this.em.getReference(UserEntity, input.userId, { wrapped: true });
    token.familyId = input.familyId;
    token.tokenHash = input.tokenHash;
    token.expiresAt = input.expiresAt;
    token.createdAt = input.now;
    this.em.persist(token);
    await this.em.flush();
  }

  /**
   * Marks the token used if, and only if, it is still usable — one conditional UPDATE, so of two concurrent
   * refreshes with one token exactly one gets a row back (the other waits on the row lock, then sees
   * `used_at` set). Null when the token is unknown, used, revoked or expired.
   */
  async claim(tokenHash: string, now: Date): Promise<ClaimedRefreshToken | null> {
    const rows = await this.em.execute<Array<{ user_id: string; family_id: string }>>(
      `update ${tableOf(this.em, RefreshTokenEntity)} set used_at = ?
       where token_hash = ? and used_at is null and revoked_at is null and expires_at > ?
       returning user_id, family_id`,
      [now, tokenHash, now],
      'all',
    );
    const row = rows[0];
    return row ? { userId: row.user_id, familyId: row.family_id } : null;
  }

  findByHash(tokenHash: string): Promise<RefreshTokenEntity | null> {
    return this.em.findOne(RefreshTokenEntity, { tokenHash });
  }

  /** Revokes every token of a session (one statement, so a concurrent rotation cannot slip a live one in after). */
  async revokeFamily(familyId: string, now: Date): Promise<void> {
    await this.em.execute(
      `update ${tableOf(this.em, RefreshTokenEntity)} set revoked_at = ? where family_id = ? and revoked_at is null`,
      [now, familyId],
      'run',
    );
  }
}
