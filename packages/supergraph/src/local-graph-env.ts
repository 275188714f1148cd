import { join } from 'node:path';
import { localSubgraphUrl, subgraphUrlVariable, SUBGRAPHS, type SubgraphDefinition } from './subgraph-registry';

/** Documented defaults of the local starts (README.md, "Configuration"). Never used in production. */
export const EMBEDDED_DEFAULTS = {
  ADMIN_EMAIL: 'admin@techally.local',
  ADMIN_PASSWORD: 'techally-owner-password',
} as const;

/** Where every service of a local start listens and how each finds the others. */
export interface LocalGraphEnv {
  /** Each subgraph's port: `<NAME>_PORT`, else its default (4001 users … 4006 reviews, 4007 search, 4008 notifications, 4009 recommendations, 4010 analytics). */
  readonly ports: ReadonlyMap<string, number>;
  /** The gateway's port: PORT, else 4000. */
  readonly gatewayPort: number;
  /**
   * The variables every service of the start shares: the first administrator, the development signing key and the
   * web-push VAPID keys under `dataDir`, the users JWKS and every `SUBGRAPH_<NAME>_URL` on those ports, then `env` over them.
   */
  readonly env: Record<string, string | undefined>;
}

/**
 * The environment both local starts give their services (`pnpm start` in one process, `pnpm start:services` a
 * process each), so clients and benches find the same URLs whichever runs.
 */
export function localGraphEnv(env: Record<string, string | undefined>, dataDir: string): LocalGraphEnv {
  // Every subgraph's port is known before any starts, so each can be told where the others are
  // (SUBGRAPH_<NAME>_URL, the same variables the gateway reads).
  const ports = new Map(SUBGRAPHS.map((definition) => [definition.name, portOf(definition, env)]));
  const subgraphUrls = Object.fromEntries(
    SUBGRAPHS.map((definition) => [subgraphUrlVariable(definition.name), localSubgraphUrl(definition, ports.get(definition.name))]),
  );
  return {
    ports,
    gatewayPort: env['PORT'] === undefined ? 4000 : Number(env['PORT']),
    env: {
      ...EMBEDDED_DEFAULTS,
      JWT_SIGNING_KEY_FILE: join(dataDir, 'jwt-signing-key.json'),
      // Without SMTP_URL the notifications write their emails here as .eml files (subgraphs/notifications/README.md).
      MAIL_DIR: join(dataDir, 'mail'),
      // notifications' web push: a key pair made once, so browsers' subscriptions survive restarts.
      VAPID_KEYS_FILE: join(dataDir, 'vapid-keys.json'),
      JWKS_URL: `http://127.0.0.1:${ports.get('users')}/.well-known/jwks.json`,
      ...subgraphUrls,
      ...env,
    },
  };
}

function portOf(definition: SubgraphDefinition, env: Record<string, string | undefined>): number {
  const value = env[definition.portVariable];
  return value === undefined ? definition.defaultPort : Number(value);
}
