import type { IncomingMessage } from 'node:http';
import { GraphQLError } from 'graphql';
import { CloseCode } from 'graphql-ws';
import type { WebSocket } from 'ws';
import type { Logger } from 'pino';
import { ErrorCode } from '../errors/error-codes';
import { REQUEST_ID_HEADER, requestIdFrom, type RequestInfo } from '../server/request-info';

/** Close codes a graphql-ws client acts on: 4401 and 4403 are final (sign in again), 1013 and 1001 are retried. */
export const WebSocketCloseCode = {
  UNAUTHENTICATED: CloseCode.Unauthorized,
  FORBIDDEN: CloseCode.Forbidden,
  INTERNAL_ERROR: CloseCode.InternalServerError,
  /** Standard "try again later": a dependency (the JWKS) is unavailable. */
  TRY_AGAIN_LATER: 1013,
  /** Standard "going away": the server is stopping. */
  GOING_AWAY: 1001,
} as const;

/** What may be done with a connection from the moment it opens, before it is authenticated. */
export interface ConnectionControl {
  /** Subscriptions open on it now. */
  readonly activeSubscriptions: number;
  /** Closes at once (a reason over 123 bytes is cut). */
  close(code: number, reason: string): void;
  /** Closes once its open subscriptions have delivered their last result and completed; at once if none. */
  closeWhenIdle(code: number, reason: string): void;
}

/** One client's WebSocket connection, authenticated on `connection_init`. */
export interface WebSocketConnection<Session> extends ConnectionControl {
  /** The connection's request id, its headers (Authorization from `connectionParams`) and a logger. */
  readonly info: RequestInfo;
  /** What `authenticate` returned for it. */
  readonly session: Session;
}

/** The server's side of a connection: what it counts, and the close it owes once idle. */
export class Connection<Session> implements WebSocketConnection<Session> {
  activeSubscriptions = 0;
  /** Set once `authenticate` has accepted the connection; operations never see it unset. */
  session!: Session;
  private closing: { code: number; reason: string } | null = null;

  constructor(
    private readonly socket: WebSocket,
    readonly info: RequestInfo,
  ) {}

  close(code: number, reason: string): void {
    this.socket.close(code, limitReason(reason));
  }

  closeWhenIdle(code: number, reason: string): void {
    this.closing = { code, reason };
    if (this.activeSubscriptions === 0) this.close(code, reason);
  }

  opened(): void {
    this.activeSubscriptions++;
  }

  finished(): void {
    this.activeSubscriptions--;
    // graphql-ws sends `complete` right after the iterator finishes: close on the next turn, behind it.
    if (this.closing && this.activeSubscriptions === 0) {
      const { code, reason } = this.closing;
      setImmediate(() => this.close(code, reason));
    }
  }
}

/** The header (and connectionParams key) a partner's API key comes in: the gateway's API_KEY_HEADER. */
const API_KEY_PARAM = 'x-api-key';

export function connectionInfo(request: IncomingMessage, params: Record<string, unknown>, logger: Logger): RequestInfo {
  const authorization =
    stringOrUndefined(params['authorization']) ?? stringOrUndefined(params['Authorization']) ?? request.headers.authorization;
  const requestId = requestIdFrom({
    [REQUEST_ID_HEADER]: stringOrUndefined(params[REQUEST_ID_HEADER]) ?? request.headers[REQUEST_ID_HEADER],
  });
  // Browsers cannot set headers on a WebSocket: a partner's API key may come in connectionParams as well.
  const apiKey = stringOrUndefined(params[API_KEY_PARAM]) ?? request.headers[API_KEY_PARAM];
  const headers = { ...request.headers, authorization, [API_KEY_PARAM]: apiKey };
  if (authorization === undefined) delete headers.authorization;
  if (apiKey === undefined) delete headers[API_KEY_PARAM];
  return {
    requestId,
    headers,
    logger: logger.child({ requestId, transport: 'ws' }),
    // The upgrade's peer: what a gateway charges an anonymous connection's subscriptions to (with X-Forwarded-For).
    ...(request.socket.remoteAddress ? { remoteAddress: request.socket.remoteAddress } : {}),
  };
}

export function refusalOf(error: unknown, logger: Logger): { code: number; reason: string } {
  const code = error instanceof GraphQLError ? error.extensions['code'] : undefined;
  const message = error instanceof Error ? error.message : String(error);
  if (code === ErrorCode.UNAUTHENTICATED) return { code: WebSocketCloseCode.UNAUTHENTICATED, reason: message };
  if (code === ErrorCode.FORBIDDEN) return { code: WebSocketCloseCode.FORBIDDEN, reason: message };
  if (code === ErrorCode.SERVICE_UNAVAILABLE) return { code: WebSocketCloseCode.TRY_AGAIN_LATER, reason: message };
  logger.error({ err: error }, 'unexpected error authenticating a WebSocket connection');
  return { code: WebSocketCloseCode.INTERNAL_ERROR, reason: 'Internal server error' };
}

/** A close reason is at most 123 bytes (RFC 6455); longer ones are cut on a character boundary. */
export function limitReason(reason: string): string {
  if (Buffer.byteLength(reason) <= 123) return reason;
  let cut = reason;
  while (Buffer.byteLength(`${cut}…`) > 123) cut = cut.slice(0, -1);
  return `${cut}…`;
}

export function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
