import type { GraphQLFormattedError } from 'graphql';
import { ErrorCode, PROTOCOL_ERROR_CODES } from './error-codes';
import { withoutInputValues } from './input-value-messages';

const EXPOSED_CODES: ReadonlySet<string> = new Set(
  [...Object.values(ErrorCode), ...PROTOCOL_ERROR_CODES].filter((code) => code !== ErrorCode.INTERNAL_SERVER_ERROR),
);

/** True when an error carries a registered code and was therefore raised on purpose, for the client to read. */
export function isExposedError(error: { extensions?: Readonly<Record<string, unknown>> | undefined }): boolean {
  const code = error.extensions?.['code'];
  return typeof code === 'string' && EXPOSED_CODES.has(code);
}

export const INTERNAL_ERROR_MESSAGE =
  'Internal server error. It has been logged; quote the x-request-id response header when reporting it.';

/**
 * The error boundary (README.md, House style): an error with a registered code keeps its message and code; anything else
 * becomes INTERNAL_SERVER_ERROR with a generic message (the original is logged by the server's error-logging
 * plugin, with the request id). Stack traces and driver messages never leave the process, and no message
 * repeats a value the client sent (see input-value-messages).
 */
export function formatError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  if (isExposedError(formatted)) {
    // `response` is what Apollo's RemoteGraphQLDataSource attaches to an upstream HTTP error: the subgraph's
    // internal URL, status and raw body (issue #9, item 6). None of these is for the client.
    const { stacktrace: _stacktrace, exception: _exception, response: _response, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, message: withoutInputValues(formatted.message), extensions };
  }
  return {
    message: INTERNAL_ERROR_MESSAGE,
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
  };
}
