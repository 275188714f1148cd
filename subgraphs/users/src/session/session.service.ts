import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { CredentialsService } from '../user/credentials.service';
import { UserEntity } from '../user/user.entity';
import type { RegistrationInput, UserService } from '../user/user.service';
import type { AccessTokenIssuer } from './access-token.issuer';
import { hashRefreshToken, newRefreshTokenSecret } from './refresh-token.secret';
import { RefreshTokenRepository } from './refresh-token.repository';
import { SessionError } from './session.errors';

/** What signing up, logging in and refreshing hand the client. */
export interface AuthSession {
  readonly accessToken: string;
  readonly accessTokenExpiresAt: Date;
  readonly refreshToken: string;
  readonly user: UserEntity;
}

export interface SessionServiceDependencies {
  readonly em: EntityManager;
  readonly users: UserService;
  readonly credentials: CredentialsService;
  readonly accessTokens: AccessTokenIssuer;
  readonly refreshTokenTtlDays: number;
  readonly clock: () => Date;
}

const DAY_MS = 86_400_000;

/**
 * Sessions: a family of refresh tokens, each used once and exchanged for the next (rotation), plus the
 * short-lived access tokens they buy. Reusing a used refresh token means two parties hold the session, so
 * the whole family is revoked (OAuth 2.0 Security BCP, refresh token rotation).
 */
export class SessionService {
  constructor(private readonly deps: SessionServiceDependencies) {}

  async signUp(input: RegistrationInput): Promise<AuthSession> {
    const user = await this.deps.users.register(input);
    return this.start(user);
  }

  async logIn(email: string, password: string): Promise<AuthSession> {
    const user = await this.deps.credentials.verify(email, password);
    return this.start(user);
  }

  /**
   * Exchanges a refresh token for a new pair. INVALID_REFRESH_TOKEN when it is unknown, expired, revoked or
   * already used; in the last case the family is revoked first, so the newest token of the session stops
   * working too. Two concurrent refreshes with one token count as a reuse: one wins, and its new tokens
   * are revoked by the loser — the client logs in again, which is the safe answer to a duplicated token.
   */
  async refresh(refreshToken: string): Promise<AuthSession> {
    const tokenHash = hashRefreshToken(refreshToken);
    const now = this.deps.clock();
    const rotated = await this.deps.em.transactional(async (tx) => {
      const tokens = new RefreshTokenRepository(tx);
      const claimed = await tokens.claim(tokenHash, now);
      if (!claimed) {
        const known = await tokens.findByHash(tokenHash);
        if (known?.usedAt) await tokens.revokeFamily(known.familyId, now);
        return null; // the revocation commits; the error is thrown after the transaction
      }
      const user = await tx.findOneOrFail(UserEntity, claimed.userId);
      const secret = await this.issueRefreshToken(tokens, user.id, claimed.familyId, now);
      return { user, secret };
    });
    if (!rotated) throw SessionError.invalidRefreshToken();
    return this.withAccessToken(rotated.user, rotated.secret);
  }

  /** Ends the session the refresh token belongs to; false when the token is unknown. */
  async logOut(refreshToken: string): Promise<boolean> {
    const tokens = new RefreshTokenRepository(this.deps.em);
    const known = await tokens.findByHash(hashRefreshToken(refreshToken));
    if (!known) return false;
    await tokens.revokeFamily(known.familyId, this.deps.clock());
    return true;
  }

  private async start(user: UserEntity): Promise<AuthSession> {
    const tokens = new RefreshTokenRepository(this.deps.em);
    const secret = await this.issueRefreshToken(tokens, user.id, randomUUID(), this.deps.clock());
    return this.withAccessToken(user, secret);
  }

  private async issueRefreshToken(tokens: RefreshTokenRepository, userId: string, familyId: string, now: Date): Promise<string> {
    const secret = newRefreshTokenSecret();
    const expiresAt = new Date(now.getTime() + this.deps.refreshTokenTtlDays * DAY_MS);
    await tokens.insert({ userId, familyId, tokenHash: hashRefreshToken(secret), expiresAt, now });
    return secret;
  }

  private async withAccessToken(user: UserEntity, refreshToken: string): Promise<AuthSession> {
    const access = await this.deps.accessTokens.issue(user);
    return { accessToken: access.token, accessTokenExpiresAt: access.expiresAt, refreshToken, user };
  }
}
