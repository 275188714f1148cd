import type { EntityManager } from '@mikro-orm/postgresql';
import {
  hashApiKey,
  isUuid,
  newApiKeySecret,
  pageInfo,
  pageSize,
  requireAdmin,
  visiblePrefixOf,
  type ApiKeyLookupAnswer,
  type ApiKeyRevocations,
  type Logger,
  type PageInfo,
  type Viewer,
} from '@techally/platform';
import type { UserService } from '../user/user.service';
import { normalizeName } from '../user/user.name';
import { UserEntity } from '../user/user.entity';
import { ApiKeyEntity } from './api-key.entity';
import { ApiKeyError } from './api-key.errors';
import { cursorOf, positionOf } from '../keyset-position';
import { ApiKeyRepository } from './api-key.repository';
import { ApiKeyStatus } from './api-key.type';
import type { RateTier } from './rate-tier';

/** The longest life of a key: partners rotate at least yearly. */
export const MAX_API_KEY_DAYS = 366;
const DAY_MS = 86_400_000;

export interface NewApiKey {
  readonly name: string;
  readonly ownerId: string;
  readonly tier: RateTier;
  readonly expiresAt: Date;
}

/** A key with its secret: what creating or rotating answers, once. */
export interface IssuedKey {
  readonly apiKey: ApiKeyEntity;
  readonly secret: string;
}

export interface ApiKeyPage {
  readonly edges: ReadonlyArray<{ readonly cursor: string; readonly node: ApiKeyEntity }>;
  readonly pageInfo: PageInfo;
  readonly totalCount: number;
}

export interface ApiKeyServiceDependencies {
  readonly em: EntityManager;
  readonly users: UserService;
  readonly revocations: ApiKeyRevocations;
  readonly clock: () => Date;
  readonly logger: Logger;
}

/**
 * Partner API keys (issue #11): administrators create, list, rotate and revoke them; the gateway looks them up
 * by hash (api-key-lookup.route.ts). A rotation or revocation is told to every gateway process once it has
 * committed, so the old secret is refused at once everywhere.
 */
export class ApiKeyService {
  constructor(private readonly deps: ApiKeyServiceDependencies) {}

  async create(viewer: Viewer | null, input: NewApiKey): Promise<IssuedKey> {
    requireAdmin(viewer);
    const name = normalizeName(input.name);
    const now = this.deps.clock();
    this.checkExpiry(input.expiresAt, now);
    const owner = await this.deps.users.byId(input.ownerId);
    if (!owner) throw ApiKeyError.unknownOwner();

    const secret = newApiKeySecret();
    const key = new ApiKeyEntity();
    key.name = name;
    key.owner = this.deps.em.getReference(UserEntity, owner.id, { wrapped: true });
    key.tier = input.tier;
    key.expiresAt = input.expiresAt;
    key.createdAt = now;
    this.setSecret(key, secret);
    await new ApiKeyRepository(this.deps.em).insert(key);
    return { apiKey: key, secret };
  }

  async list(viewer: Viewer | null, first: number | null | undefined, after: string | null | undefined): Promise<ApiKeyPage> {
    requireAdmin(viewer);
    const limit = pageSize(first);
    const position = after ? positionOf(after) : null;
    const repository = new ApiKeyRepository(this.deps.em);
    const [rows, totalCount] = await Promise.all([repository.list(position, limit + 1), repository.count()]);
    const nodes = rows.slice(0, limit);
    return {
      edges: nodes.map((node) => ({ cursor: cursorOf(node), node })),
      pageInfo: pageInfo(nodes, rows.length > limit, position !== null, cursorOf),
      totalCount,
    };
  }

  /** A new secret for the key; the old one stops working at once (an overlap is two keys: create, switch, revoke). */
  async rotate(viewer: Viewer | null, id: string): Promise<IssuedKey> {
    requireAdmin(viewer);
    const secret = newApiKeySecret();
    const now = this.deps.clock();
    const key = await this.deps.em.transactional(async (tx) => {
      const found = await this.lockedKey(tx, id);
      if (found.revokedAt) throw ApiKeyError.notRotatable('revoked');
      if (found.expiresAt <= now) throw ApiKeyError.notRotatable('expired');
      this.setSecret(found, secret);
      found.rotatedAt = now;
      return found;
    });
    await this.announceRevocation(key.id);
    return { apiKey: key, secret };
  }

  /** Revokes the key for good. Revoking a revoked key changes nothing and answers it as it is. */
  async revoke(viewer: Viewer | null, id: string): Promise<ApiKeyEntity> {
    requireAdmin(viewer);
    const now = this.deps.clock();
    const key = await this.deps.em.transactional(async (tx) => {
      const found = await this.lockedKey(tx, id);
      found.revokedAt ??= now;
      return found;
    });
    // Told again for a key revoked before: harmless, and it heals a revocation whose announcement was lost.
    await this.announceRevocation(key.id);
    return key;
  }

  statusOf(key: ApiKeyEntity): ApiKeyStatus {
    if (key.revokedAt) return ApiKeyStatus.REVOKED;
    return key.expiresAt <= this.deps.clock() ? ApiKeyStatus.EXPIRED : ApiKeyStatus.ACTIVE;
  }

  /** The gateway's lookup by hash. A revoked key is `unknown`: the gateway says no more than "invalid or revoked". */
  async lookup(keyHash: string): Promise<ApiKeyLookupAnswer> {
    const repository = new ApiKeyRepository(this.deps.em);
    const key = await repository.findByHash(keyHash);
    if (!key || key.revokedAt) return { status: 'unknown' };
    const now = this.deps.clock();
    if (key.expiresAt <= now) return { status: 'expired' };
    await repository.touch(key.id, now);
    return {
      status: 'active',
      key: { id: key.id, name: key.name, ownerId: key.owner.id, tier: key.tier, expiresAt: key.expiresAt.toISOString() },
    };
  }

  private async lockedKey(tx: EntityManager, id: string): Promise<ApiKeyEntity> {
    const key = isUuid(id) ? await new ApiKeyRepository(tx).findForUpdate(id) : null;
    if (!key) throw ApiKeyError.notFound(id);
    return key;
  }

  private setSecret(key: ApiKeyEntity, secret: string): void {
    key.keyHash = hashApiKey(secret);
    key.prefix = visiblePrefixOf(secret);
  }

  private checkExpiry(expiresAt: Date, now: Date): void {
    const time = expiresAt.getTime();
    if (Number.isNaN(time) || time <= now.getTime() || time > now.getTime() + MAX_API_KEY_DAYS * DAY_MS) {
      throw ApiKeyError.expiryOutOfRange(MAX_API_KEY_DAYS);
    }
  }

  /**
   * After the commit, never inside the transaction (README.md: no other service is awaited in one). When Redis
   * cannot be reached the change stands (the database is the truth): gateways that still hold the old secret
   * drop it within their cache's life (≤ 30 s), and those that lost Redis too trust no cached key meanwhile.
   */
  private async announceRevocation(keyId: string): Promise<void> {
    await this.deps.revocations.publish(keyId).catch((error: unknown) => {
      this.deps.logger.error({ err: error, keyId }, 'API key revocation committed but not announced to the gateways; their caches expire it within 30 s');
    });
  }
}
