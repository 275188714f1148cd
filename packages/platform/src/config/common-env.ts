import { num, str, url } from 'envalid';
import { postgresUrl } from './env';

/**
 * Environment variables every service reads the same way. A package's config.ts spreads the groups it needs
 * into its own spec and adds its own variables, then calls `readEnv` once.
 */
export const serviceEnv = {
  NODE_ENV: str({ choices: ['development', 'test', 'production'], default: 'development', desc: 'Runtime mode; production turns off introspection and the explorer.' }),
  HOST: str({ default: '127.0.0.1', desc: 'Interface to listen on (0.0.0.0 in a container).' }),
  LOG_LEVEL: str({ choices: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], default: 'info', desc: 'pino log level.' }),
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
