import { createGraphQLClient, CreateApiKeyDocument, LogInDocument, type RateTier } from '@techally/web-client';

export interface CreatePartnerKeyOptions {
  readonly gatewayUrl: string;
  /** An administrator's credentials (role ADMIN): only administrators issue keys. */
  readonly adminEmail: string;
  readonly adminPassword: string;
  readonly name: string;
  readonly tier: RateTier;
  /** Days until the key stops working (at most 366). */
  readonly days: number;
  /** The user the key belongs to; default the administrator who creates it. */
  readonly ownerId?: string;
  readonly fetch?: typeof fetch;
}

export interface IssuedPartnerKey {
  readonly id: string;
  /** Shown this once: the gateway stores only its SHA-256. */
  readonly secret: string;
  readonly prefix: string;
  readonly expiresAt: string;
}

/**
 * How a developer gets a key: log in as an administrator and call `createApiKey` through the gateway, both as
 * first-party operations sent by their manifest ids (`createGraphQLClient`).
 */
export async function createPartnerKey(options: CreatePartnerKeyOptions): Promise<IssuedPartnerKey> {
  const fetchOption = options.fetch ? { fetch: options.fetch } : {};
  const { logIn } = await createGraphQLClient({ url: options.gatewayUrl, ...fetchOption }).request(LogInDocument, {
    email: options.adminEmail,
    password: options.adminPassword,
  });
  const admin = createGraphQLClient({ url: options.gatewayUrl, accessToken: () => logIn.accessToken, ...fetchOption });
  const { createApiKey } = await admin.request(CreateApiKeyDocument, {
    input: {
      name: options.name,
      ownerId: options.ownerId ?? logIn.user.id,
      tier: options.tier,
      expiresAt: new Date(Date.now() + options.days * 86_400_000).toISOString(),
    },
  });
  return { id: createApiKey.apiKey.id, secret: createApiKey.secret, prefix: createApiKey.apiKey.prefix, expiresAt: createApiKey.apiKey.expiresAt };
}
