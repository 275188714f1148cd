import { Client, fetchExchange, type AnyVariables, type TypedDocumentNode } from '@urql/core';
import { persistedDocumentsExchange } from './persisted-documents-exchange';
import { graphErrorOf, type GraphError } from './graph-error';
import {
  AppLogInDocument,
  AppLogOutDocument,
  AppRefreshSessionDocument,
  AppSignUpDocument,
  type AppSessionFieldsFragment,
  type SignUpInput,
} from './gql/graphql';

/** Who is signed in, with the tokens the gateway issued. Kept in storage so a reload keeps the session. */
export interface SessionState {
  readonly accessToken: string;
  /** ISO date-time; the token is refreshed a little before. */
  readonly accessTokenExpiresAt: string;
  readonly refreshToken: string;
  readonly user: AppSessionFieldsFragment['user'];
}

/** The part of the Web Storage API the session needs (localStorage in a browser; a Map in tests). */
export interface SessionStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export type SessionResult = { readonly ok: true; readonly state: SessionState } | { readonly ok: false; readonly error: GraphError };

/** Refresh this long before the access token expires, so a request never leaves with one about to lapse. */
const REFRESH_MARGIN_MS = 30_000;

/**
 * The signed-in user of one app (the storefront and the admin portal keep separate sessions: `storageKey`).
 *
 * Access tokens are short-lived; `accessToken()` refreshes ahead of expiry, once for every caller waiting at the
 * same moment (refresh tokens are single use: two refreshes racing would end the session). Another tab of the
 * same app that refreshes writes the new pair to storage; `storage` events keep this tab in step.
 */
export class Session {
  private state: SessionState | null;
  private refreshing: Promise<SessionState | null> | null = null;
  private readonly listeners = new Set<(state: SessionState | null) => void>();
  private readonly client: Client;

  constructor(
    private readonly options: { readonly url: string; readonly storageKey: string; readonly storage?: SessionStorage; readonly fetch?: typeof fetch },
  ) {
    this.state = this.read();
    // Its own small client: these mutations must not go through the auth exchange that calls back into us.
    this.client = new Client({ url: options.url, exchanges: [persistedDocumentsExchange(), fetchExchange], fetch: options.fetch, requestPolicy: 'network-only', preferGetMethod: false });
    if (typeof window !== 'undefined' && options.storage === undefined) {
      window.addEventListener('storage', (event) => {
        if (event.key === options.storageKey) this.set(this.read(), { persist: false });
      });
    }
  }

  /** The current state, or null when signed out. */
  get current(): SessionState | null {
    return this.state;
  }

  /** Calls `listener` on every sign-in, refresh and sign-out; returns the unsubscribe. */
  subscribe(listener: (state: SessionState | null) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  async signIn(email: string, password: string): Promise<SessionResult> {
    return this.start(AppLogInDocument, { email, password }, (data) => data.logIn);
  }

  async signUp(input: SignUpInput): Promise<SessionResult> {
    return this.start(AppSignUpDocument, { input }, (data) => data.signUp);
  }

  /** Ends the session here and at the gateway (best effort: a network failure still signs out locally). */
  async signOut(): Promise<void> {
    const refreshToken = this.state?.refreshToken;
    this.set(null);
    if (refreshToken) await this.client.mutation(AppLogOutDocument, { refreshToken }).toPromise().catch(() => undefined);
  }

  /** A valid access token (refreshed first when about to expire), or undefined when signed out. */
  async accessToken(): Promise<string | undefined> {
    const state = this.state;
    if (!state) return undefined;
    if (Date.parse(state.accessTokenExpiresAt) - Date.now() > REFRESH_MARGIN_MS) return state.accessToken;
    return (await this.refresh())?.accessToken;
  }

  /** Whether the access token should be refreshed before the next request. */
  needsRefresh(): boolean {
    return this.state !== null && Date.parse(this.state.accessTokenExpiresAt) - Date.now() <= REFRESH_MARGIN_MS;
  }

  /**
   * Exchanges the refresh token for a new pair, once however many callers ask at the same moment. A refused
   * refresh (expired, revoked, already used) signs out; a network failure keeps the session to try again.
   */
  refresh(): Promise<SessionState | null> {
    this.refreshing ??= this.refreshOnce().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private async refreshOnce(): Promise<SessionState | null> {
    const refreshToken = this.state?.refreshToken;
    if (!refreshToken) return null;
    const result = await this.client.mutation(AppRefreshSessionDocument, { refreshToken }).toPromise();
    if (result.data?.refreshSession) {
      this.set(result.data.refreshSession);
      return this.state;
    }
    if (result.error && !result.error.networkError && this.state?.refreshToken === refreshToken) this.set(null);
    return this.state;
  }

  private async start<Data, Variables extends AnyVariables>(
    document: TypedDocumentNode<Data, Variables>,
    variables: Variables,
    payloadOf: (data: Data) => SessionState,
  ): Promise<SessionResult> {
    const result = await this.client.mutation(document, variables).toPromise();
    if (!result.data) return { ok: false, error: graphErrorOf(result.error) };
    this.set(payloadOf(result.data));
    return { ok: true, state: this.state! };
  }

  private set(state: SessionState | null, { persist = true } = {}): void {
    this.state = state;
    if (persist) {
      if (state) this.storage?.setItem(this.options.storageKey, JSON.stringify(state));
      else this.storage?.removeItem(this.options.storageKey);
    }
    for (const listener of this.listeners) listener(state);
  }

  private read(): SessionState | null {
    try {
      const raw = this.storage?.getItem(this.options.storageKey);
      if (!raw) return null;
      const state = JSON.parse(raw) as SessionState;
      return typeof state.refreshToken === 'string' && typeof state.accessToken === 'string' ? state : null;
    } catch {
      return null;
    }
  }

  private get storage(): SessionStorage | undefined {
    return this.options.storage ?? (typeof localStorage === 'undefined' ? undefined : localStorage);
  }
}
