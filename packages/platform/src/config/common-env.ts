import { num, port, str, url } from 'envalid';
import { postgresUrl } from './env';

/**
 * Environment variables every service reads the same way. A package's config.ts spreads the groups it needs
 * into its own spec and adds its own variables, then calls `readEnv` once.
 */
export const serviceEnv = {
  NODE_ENV: str({ choices: ['development', 'test', 'production'], default: 'development', desc: 'Runtime mode; production turns off introspection and the explorer.' }),
  HOST: str({ default: '127.0.0.1', desc: 'Interface to listen on (0.0.0.0 in a container).' }),
  LOG_LEVEL: str({ choices: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], default: 'info', desc: 'pino log level.' }),
  METRICS_PORT: port({
    default: undefined,
    desc: 'Port of /metrics, apart from the public one (default: the HTTP port + 5464, so 9464 for the gateway on 4000).',
  }),
};

export const databaseEnv = {
  DATABASE_URL: postgresUrl({ desc: 'PostgreSQL connection URL. Unset in the embedded start, which provides its own.' }),
  DATABASE_POOL_MAX: num({ default: 10, desc: 'Connections in this service’s pool (1 on the embedded PGlite).' }),
};

/** How a service verifies the access tokens the users subgraph issues. */
export const accessTokenEnv = {
  JWT_ISSUER: str({ default: 'https://techally.local/users', desc: 'The `iss` claim of access tokens.' }),
  JWT_AUDIENCE: str({ default: 'techally-graph', desc: 'The `aud` claim of access tokens.' }),
  JWKS_URL: url({ default: 'http://127.0.0.1:4001/.well-known/jwks.json', desc: 'Where the users subgraph publishes its public signing keys.' }),
};

/** Every subgraph's environment: service, database and access-token groups, plus the timeout of its calls to others. */
export const subgraphEnv = {
  ...serviceEnv,
  ...databaseEnv,
  ...accessTokenEnv,
  SERVICE_TIMEOUT_MS: num({ default: 5_000, desc: 'How long a call to another subgraph may take before SERVICE_UNAVAILABLE.' }),
};

/** Where another subgraph listens (`SUBGRAPH_<NAME>_URL`, the variable the gateway reads too). */
export function subgraphUrl(defaultPort: number, desc: string) {
  return url({ default: `http://127.0.0.1:${defaultPort}/graphql`, desc });
}

/** The settings every subgraph has, read from {@link subgraphEnv}. */
export interface SubgraphBaseConfig {
  readonly nodeEnv: 'development' | 'test' | 'production';
  readonly host: string;
  readonly port: number;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Where `/metrics` is served; undefined: the HTTP port + 5464 (see defaultMetricsPort). */
  readonly metricsPort?: number | undefined;
  readonly databaseUrl: string;
  readonly databasePoolMax: number;
  readonly jwtIssuer: string;
  readonly jwtAudience: string;
  readonly jwksUrl: string;
  readonly serviceTimeoutMs: number;
}

/** The common variables as `readEnv(subgraphEnv + …)` returns them. */
export interface SubgraphEnvValues {
  readonly NODE_ENV: string;
  readonly HOST: string;
  readonly LOG_LEVEL: string;
  readonly METRICS_PORT?: number | undefined;
  readonly DATABASE_URL: string;
  readonly DATABASE_POOL_MAX: number;
  readonly JWT_ISSUER: string;
  readonly JWT_AUDIENCE: string;
  readonly JWKS_URL: string;
  readonly SERVICE_TIMEOUT_MS: number;
}

/** Maps the validated common variables onto {@link SubgraphBaseConfig}; the subgraph adds its own. */
export function subgraphBaseConfig(env: SubgraphEnvValues, port: number): SubgraphBaseConfig {
  return {
    nodeEnv: env.NODE_ENV as SubgraphBaseConfig['nodeEnv'],
    host: env.HOST,
    port,
    logLevel: env.LOG_LEVEL as SubgraphBaseConfig['logLevel'],
    metricsPort: env.METRICS_PORT,
    databaseUrl: env.DATABASE_URL,
    databasePoolMax: env.DATABASE_POOL_MAX,
    jwtIssuer: env.JWT_ISSUER,
    jwtAudience: env.JWT_AUDIENCE,
    jwksUrl: env.JWKS_URL,
    serviceTimeoutMs: env.SERVICE_TIMEOUT_MS,
  };
}
