import type { OperationClient, Result } from '../client/operation-client.js';
import type { SessionTokensFragment, SignUpInput } from '../gql/graphql.js';
import { refreshSession, signIn, signOut, signUp } from '../gql/session-operations.js';
import type { TokenStorage } from './token-storage.js';

/** Failures of a refresh that say nothing about the refresh token: the session is kept for the next try. */
const TRANSIENT_CODES: ReadonlySet<string> = new Set(['NETWORK_ERROR', 'HTTP_ERROR', 'BAD_RESPONSE', 'SERVICE_UNAVAILABLE', 'INTERNAL_SERVER_ERROR', 'RATE_LIMITED']);

/** Who is signed in, with the tokens the gateway issued. */
export interface SessionState {
  readonly accessToken: string;
  /** ISO date-time; the token is refreshed a little before. */
  readonly accessTokenExpiresAt: string;
  /** Single use: each refresh returns the next one. */
  readonly refreshToken: string;
  readonly user: SessionTokensFragment['user'];
}

export interface SessionOptions {
  readonly storage: TokenStorage;
  /** The key the tokens are stored under. */
  readonly storageKey: string;
  /** Refresh this long before the access token expires (ms), so a request never leaves with a lapsing token. */
  readonly refreshMarginMs: number;
  /** Runs the session's own operations, without the session's token (they must not refresh themselves). */
  readonly client: OperationClient;
}

/**
 * The signed-in user of a client: sign-up, sign-in, sign-out, and the access token every call sends, refreshed
 * ahead of its expiry and when the gateway refuses it (UNAUTHENTICATED) — once for every caller waiting at that
 * moment, because refresh tokens are single use: two refreshes racing would end the session.
 */
export class Session {
  private state: SessionState | null = null;
  private readonly loaded: Promise<void>;
  private refreshing: Promise<SessionState | null> | null = null;
  private readonly listeners = new Set<(state: SessionState | null) => void>();

  constructor(private readonly options: SessionOptions) {
    this.loaded = this.load();
  }

  /** Resolves once the stored session (if any) is read. Every other method waits for it on its own. */
  ready(): Promise<void> {
    return this.loaded;
  }

  /** The signed-in user's tokens, or null (signed out, or not yet loaded: await `ready()` first). */
  get current(): SessionState | null {
    return this.state;
  }

  /** Calls `listener` after every sign-in, refresh and sign-out; returns the unsubscribe. */
  onChange(listener: (state: SessionState | null) => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  /** Creates an account and signs it in. */
  async signUp(input: SignUpInput): Promise<Result<SessionState>> {
    await this.loaded;
    return this.start(await signUp(this.options.client, { input }), (data) => data.signUp);
  }

  async signIn(email: string, password: string): Promise<Result<SessionState>> {
    await this.loaded;
    return this.start(await signIn(this.options.client, { email, password }), (data) => data.logIn);
  }

  /**
   * Ends the session here and at the gateway (the refresh token is revoked). Signed out locally whatever the
   * gateway answers; the result says whether it heard (a NETWORK_ERROR leaves a refresh token that expires alone).
   */
  async signOut(): Promise<Result<true>> {
    await this.loaded;
    const refreshToken = this.state?.refreshToken;
    await this.set(null);
    if (!refreshToken) return { ok: true, data: true };
    const answer = await signOut(this.options.client, { refreshToken });
    return answer.ok ? { ok: true, data: true } : answer;
  }

  /** A valid access token (refreshed first when about to expire), or undefined when signed out. */
  async accessToken(): Promise<string | undefined> {
    await this.loaded;
    const state = this.state;
    if (!state) return undefined;
    if (Date.parse(state.accessTokenExpiresAt) - Date.now() > this.options.refreshMarginMs) return state.accessToken;
    return (await this.refresh())?.accessToken;
  }

  /**
   * After the gateway refused `rejected`: the token to try once more with, or undefined when there is none. A
   * newer token than the refused one (someone refreshed meanwhile) is used as it is; otherwise one refresh.
   */
  async accessTokenAfterRejection(rejected: string | undefined): Promise<string | undefined> {
    await this.loaded;
    const state = this.state;
    if (!state) return undefined;
    if (state.accessToken !== rejected) return state.accessToken;
    const next = await this.refresh();
    return next && next.accessToken !== rejected ? next.accessToken : undefined;
  }

  /**
   * Exchanges the refresh token for a new pair, once however many callers ask at the same moment. A refused
   * refresh (INVALID_REFRESH_TOKEN: expired, revoked, already used) signs out; a failure on the way (network,
   * a proxy's 502, a subgraph down) keeps the session to try again later.
   */
  refresh(): Promise<SessionState | null> {
    this.refreshing ??= this.refreshOnce().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private async refreshOnce(): Promise<SessionState | null> {
    await this.loaded;
    const refreshToken = this.state?.refreshToken;
    if (!refreshToken) return null;
    const answer = await refreshSession(this.options.client, { refreshToken });
    if (answer.ok) {
      await this.set(answer.data.refreshSession);
    } else if (!TRANSIENT_CODES.has(answer.error.code) && this.state?.refreshToken === refreshToken) {
      await this.set(null);
    }
    return this.state;
  }

  private async start<Data>(answer: Result<Data>, payloadOf: (data: Data) => SessionState): Promise<Result<SessionState>> {
    if (!answer.ok) return answer;
    const state = payloadOf(answer.data);
    await this.set(state);
    return { ok: true, data: state };
  }

  private async set(state: SessionState | null): Promise<void> {
    this.state = state;
    const { storage, storageKey } = this.options;
    try {
      if (state) await storage.set(storageKey, JSON.stringify(state));
      else await storage.remove(storageKey);
    } catch {
      // A storage that fails (a locked keychain) costs the session across launches, never this launch's calls.
    }
    for (const listener of this.listeners) listener(state);
  }

  private async load(): Promise<void> {
    try {
      const raw = await this.options.storage.get(this.options.storageKey);
      if (!raw) return;
      const state = JSON.parse(raw) as Partial<SessionState>;
      if (typeof state.accessToken === 'string' && typeof state.refreshToken === 'string' && typeof state.accessTokenExpiresAt === 'string') {
        this.state = state as SessionState;
      }
    } catch {
      // Unreadable or corrupt: signed out.
    }
  }
}
