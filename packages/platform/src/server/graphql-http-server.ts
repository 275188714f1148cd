import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import type { Logger } from 'pino';
import type { ServiceMetrics } from '../metrics/registry';
import { ConnectionDrain } from './connection-drain';
import { createMetricsServer, defaultMetricsPort } from './metrics-server';
import { BodyProblem, readJsonBody } from './request-body';
import { REQUEST_ID_HEADER, requestIdFrom, type RequestInfo } from './request-info';
import { traceHttpRequest } from '../tracing/http-server-span';

/** A plain HTTP route beside `/graphql` (health, metrics, JWKS, webhooks). */
export type RouteHandler = (request: IncomingMessage, response: ServerResponse) => Promise<void> | void;

/**
 * Runs first for every HTTP request to `/graphql`: sets the CORS headers it decides, and returns true when it has
 * answered the request itself (a preflight), false to let GraphQL handle it.
 */
export type CorsHandler = (request: IncomingMessage, response: ServerResponse) => boolean;

export interface GraphQLHttpServerOptions<Context extends BaseContext> {
  /** The service this server is (`gateway`, `orders`): its requests' spans carry it as `service.name`. */
  readonly serviceName: string;
  readonly apollo: ApolloServer<Context>;
  /**
   * Another Apollo Server for some requests, chosen from their headers (the gateway serves a caller with an API
   * key from the partner contract's server); `undefined` means `apollo`. The caller stops the servers it returns.
   */
  readonly apolloFor?: (headers: IncomingHttpHeaders) => ApolloServer<Context> | undefined;
  readonly logger: Logger;
  readonly metrics: ServiceMetrics;
  /** Builds the GraphQL context of one request. Throwing a GraphQLError answers the request with that error. */
  readonly createContext: (request: RequestInfo) => Promise<Context>;
  /** Whether this process can serve traffic now (database reachable, schema loaded...). */
  readonly isReady: () => Promise<boolean>;
  /** Extra routes by exact path, e.g. `GET /.well-known/jwks.json`. */
  readonly routes?: Readonly<Record<string, RouteHandler>>;
  /**
   * Answers every other path (the gateway serves the web apps' files there); without it, an unknown path is a
   * JSON 404. Returns false to fall through to that 404.
   */
  readonly fallback?: (request: IncomingMessage, response: ServerResponse, url: URL) => Promise<boolean>;
  /** Cross-origin rules of `/graphql` (only the public edge, the gateway, has any; without, no CORS header is sent). */
  readonly cors?: CorsHandler;
  /** Largest request body accepted, in bytes. */
  readonly maxBodyBytes?: number;
  /**
   * How long `stop()` lets in-flight requests finish before closing their connections (default 20 s, under
   * the 25 s process deadline of stopOnTerminationSignals). Idle connections close at once whatever this is.
   */
  readonly drainDeadlineMs?: number;
  /**
   * Serves WebSocket (graphql-ws) on the same server and `/graphql` path, e.g.
   * `(server) => serveGraphQLOverWebSocket(server, …)`; drained by `stop()` before HTTP closes.
   */
  readonly webSocket?: (httpServer: Server) => WebSocketEndpoint;
}

/** What `stop()` needs of a WebSocket server sharing the HTTP server. */
export interface WebSocketEndpoint {
  drain(): Promise<void>;
}

export interface GraphQLHttpServer {
  readonly httpServer: Server;
  /**
   * Starts listening, and serves `/metrics` on `metricsPort` (default: see defaultMetricsPort); resolves with the
   * `/graphql` URL (port 0 picks a free port).
   */
  listen(port: number, host?: string, metricsPort?: number): Promise<string>;
  /** Where `/metrics` is served once listening (never on the public port). */
  readonly metricsUrl: string | null;
  /**
   * Stops accepting connections, closes idle ones at once, ends WebSocket connections (their subscriptions
   * complete), lets in-flight requests finish (until the drain deadline), then stops Apollo Server.
   */
  stop(): Promise<void>;
}

const GRAPHQL_PATH = '/graphql';
export const DEFAULT_DRAIN_DEADLINE_MS = 20_000;

/**
 * Apollo Server 5 over `node:http` (it has no framework integration built in, README.md, Design decisions), with the routes
 * every process of this graph has: `/health/live`, `/health/ready` — and `/metrics` on a port of its own. A
 * single `node:http` server also lets a WebSocket server (graphql-ws) share the port and the `/graphql` path.
 */
export function createGraphQLHttpServer<Context extends BaseContext>(
  options: GraphQLHttpServerOptions<Context>,
): GraphQLHttpServer {
  const { apollo, logger, metrics } = options;
  const maxBodyBytes = options.maxBodyBytes ?? 1_000_000;
  const routes: Record<string, RouteHandler> = {
    '/health/live': (_request, response) => sendJson(response, 200, { status: 'live' }),
    '/health/ready': async (_request, response) => {
      const ready = await options.isReady().catch(() => false);
      sendJson(response, ready ? 200 : 503, { status: ready ? 'ready' : 'not ready' });
    },
    ...options.routes,
  };

  async function handleGraphQL(request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
    const requestId = requestIdFrom(request.headers);
    response.setHeader(REQUEST_ID_HEADER, requestId);
    if (options.cors?.(request, response)) return;
    const body = request.method === 'POST' ? await readJsonBody(request, maxBodyBytes) : undefined;
    if (body instanceof BodyProblem) {
      // The rest of a refused body is still on the wire: reading it as the next request would be garbage,
      // so this connection ends with the answer (issue #9, item 3).
      if (body.closeConnection) response.setHeader('connection', 'close');
      return sendJson(response, body.status, { errors: [{ message: body.message, extensions: { code: 'BAD_REQUEST' } }] });
    }

    const headers = new HeaderMap();
    for (const [name, value] of Object.entries(request.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    const info: RequestInfo = {
      requestId,
      headers: request.headers,
      logger: logger.child({ requestId }),
      ...(request.socket.remoteAddress ? { remoteAddress: request.socket.remoteAddress } : {}),
    };
    const result = await (options.apolloFor?.(request.headers) ?? apollo).executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: request.method ?? 'GET', headers, search: url.search, body },
      context: () => options.createContext(info),
    });
    for (const [name, value] of result.headers) response.setHeader(name, value);
    response.statusCode = result.status ?? 200;
    if (result.body.kind === 'complete') {
      response.end(result.body.string);
      return;
    }
    for await (const chunk of result.body.asyncIterator) response.write(chunk);
    response.end();
  }

  const httpServer = createServer((request, response) => {
    drain.track(request, response);
    const url = new URL(request.url ?? '/', 'http://localhost');
    const route = url.pathname === GRAPHQL_PATH ? undefined : routes[url.pathname];
    const known = url.pathname === GRAPHQL_PATH || route !== undefined;
    const notFound = () => sendJson(response, 404, { error: `no route ${url.pathname}` });
    // Paths of the fallback (app files, app pages) are not labelled one by one: their number is unbounded.
    const label = known ? url.pathname : options.fallback ? '(app)' : '(unknown route)';
    const handling = traceHttpRequest(options.serviceName, label, request, response, () =>
      url.pathname === GRAPHQL_PATH
        ? handleGraphQL(request, response, url)
        : route
          ? Promise.resolve(route(request, response))
          : options.fallback
            ? options.fallback(request, response, url).then((answered) => (answered ? undefined : notFound()))
            : Promise.resolve(notFound()),
    );
    handling.catch((error: unknown) => {
      logger.error({ err: error, path: url.pathname }, 'request failed outside GraphQL');
      if (!response.headersSent) sendJson(response, 500, { error: 'internal server error' });
      else response.destroy();
    });
  });
  // Keep-alive sockets outlive a request (longer than a load balancer's idle timeout); stop() closes them.
  httpServer.keepAliveTimeout = 65_000;
  const webSocket = options.webSocket?.(httpServer);
  const drain = new ConnectionDrain(httpServer); // after the WebSocket server, see ConnectionDrain
  const drainDeadlineMs = options.drainDeadlineMs ?? DEFAULT_DRAIN_DEADLINE_MS;

  const metricsServer = createMetricsServer(metrics.registry);
  let metricsUrl: string | null = null;

  return {
    httpServer,
    get metricsUrl() {
      return metricsUrl;
    },
    async listen(port, host = '127.0.0.1', metricsPort) {
      await new Promise<void>((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => {
          httpServer.off('error', reject);
          resolve();
        });
      });
      const address = httpServer.address() as AddressInfo;
      try {
        metricsUrl = await metricsServer.listen(metricsPort ?? defaultMetricsPort(port), host);
      } catch (error) {
        await new Promise((resolve) => httpServer.close(resolve));
        throw error;
      }
      const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
      return `http://${shownHost}:${address.port}${GRAPHQL_PATH}`;
    },
    async stop() {
      const closed = httpServer.listening ? new Promise<void>((resolve) => httpServer.close(() => resolve())) : Promise.resolve();
      drain.begin();
      // An upgraded socket counts as an open connection: close() would wait for it for ever.
      await webSocket?.drain();
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<'deadline'>((resolve) => (timer = setTimeout(() => resolve('deadline'), drainDeadlineMs)));
      if ((await Promise.race([closed, deadline])) === 'deadline') {
        logger.warn({ drainDeadlineMs }, 'requests still in flight at the drain deadline; closing their connections');
        drain.destroyAll();
        await closed;
      }
      clearTimeout(timer);
      await metricsServer.stop();
      await apollo.stop();
    },
  };
}

export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(body));
}
