import {
  DomainError,
  isAdmin,
  pageInfo,
  pageSize,
  requireAdmin,
  requireViewer,
  Role,
  type PageInfo,
  type Viewer,
  isUuid,
} from '@techally/platform';
import type { EventMetadata } from '@techally/events';
import { cursorOf, positionOf } from '../keyset-position';
import type DataLoader from 'dataloader';
import type { PasswordHasher } from './password.hasher';
import { checkPasswordPolicy } from './password.policy';
import { normalizeEmail } from './user.email';
import { UserEntity } from './user.entity';
import { UserError } from './user.errors';
import { normalizeName } from './user.name';
import type { UserRepository } from './user.repository';
import { snapshotChanged, userSnapshot } from './user-events';

export interface RegistrationInput {
  readonly email: string;
  readonly password: string;
  readonly name: string;
}

export interface ProfileChanges {
  readonly name?: string | null | undefined;
  readonly email?: string | null | undefined;
}

export interface UserPage {
  readonly edges: ReadonlyArray<{ readonly cursor: string; readonly node: UserEntity }>;
  readonly pageInfo: PageInfo;
  readonly totalCount: number;
}

/** Accounts and who may see what of them. One per request (it shares the request's loader). */
export class UserService {
  constructor(
    private readonly repository: UserRepository,
    private readonly userById: DataLoader<string, UserEntity | null>,
    private readonly hasher: PasswordHasher,
    /** Stamped on the events this request's changes publish (its request id). */
    private readonly eventMetadata: EventMetadata = {},
  ) {}

  /** Creates a customer account: email canonical and free, name sane, password within the policy. */
  async register(input: RegistrationInput, roles: Role[] = [Role.CUSTOMER]): Promise<UserEntity> {
    const email = normalizeEmail(input.email);
    if (!email) throw UserError.invalidEmail(input.email);
    const name = normalizeName(input.name);
    const weakness = checkPasswordPolicy(input.password, email);
    if (weakness) throw UserError.weakPassword(weakness);

    const user = new UserEntity();
    user.email = email;
    user.name = name;
    user.roles = roles;
    user.passwordHash = await this.hasher.hash(input.password);
    await this.repository.save(user, { type: 'users.user-registered.v1', metadata: this.eventMetadata });
    return user;
  }

  /** The signed-in user; null when anonymous or when the token's account no longer exists. */
  async me(viewer: Viewer | null): Promise<UserEntity | null> {
    return viewer ? this.byId(viewer.userId) : null;
  }

  /** A user by id, for themself or an administrator; FORBIDDEN for anyone else (whether or not it exists). */
  async user(viewer: Viewer | null, id: string): Promise<UserEntity | null> {
    this.assertCanSeePrivate(viewer, id);
    return this.byId(id);
  }

  /** A user by id for a federated reference; null when unknown. Reveals only what the public fields show. */
  byId(id: string): Promise<UserEntity | null> {
    return isUuid(id) ? this.userById.load(id) : Promise.resolve(null);
  }

  /** Every account, for administrators: a Relay connection ordered by creation. */
  async list(viewer: Viewer | null, first: number | null | undefined, after: string | null | undefined): Promise<UserPage> {
    requireAdmin(viewer);
    const limit = pageSize(first);
    const position = after ? positionOf(after) : null;
    const [rows, totalCount] = await Promise.all([this.repository.list(position, limit + 1), this.repository.count()]);
    const nodes = rows.slice(0, limit);
    for (const node of nodes) this.userById.prime(node.id, node);
    return {
      edges: nodes.map((node) => ({ cursor: cursorOf(node), node })),
      pageInfo: pageInfo(nodes, rows.length > limit, position !== null, cursorOf),
      totalCount,
    };
  }

  /**
   * The viewer changes their own name or email (still canonical and free). A change publishes
   * `users.user-changed.v1` with it; an edit that changes nothing publishes nothing.
   */
  async updateProfile(viewer: Viewer | null, changes: ProfileChanges): Promise<UserEntity> {
    const { userId } = requireViewer(viewer);
    const user = await this.byId(userId);
    if (!user) throw DomainError.notFound('User', userId);
    const before = userSnapshot(user);
    if (changes.name !== undefined && changes.name !== null) user.name = normalizeName(changes.name);
    if (changes.email !== undefined && changes.email !== null) {
      const email = normalizeEmail(changes.email);
      if (!email) throw UserError.invalidEmail(changes.email);
      user.email = email;
    }
    const changed = snapshotChanged(before, userSnapshot(user));
    await this.repository.save(user, changed ? { type: 'users.user-changed.v1', metadata: this.eventMetadata } : null);
    return user;
  }

  /**
   * Email, addresses and the like are for the user themself and administrators: UNAUTHENTICATED when
   * anonymous, FORBIDDEN for another user.
   */
  assertCanSeePrivate(viewer: Viewer | null, userId: string): void {
    const signedIn = requireViewer(viewer);
    if (signedIn.userId !== userId && !isAdmin(signedIn)) throw UserError.notYours();
  }
}
