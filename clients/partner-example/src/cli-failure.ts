/** How the CLIs end on an error: one line for a person, no stack trace; exit code 1. */
export function exitWithFailure(error: unknown, gatewayUrl: string): void {
  // Node's fetch says only "fetch failed" when nothing listens: say where it looked and what usually fixes it.
  const unreachable = error instanceof TypeError && error.message === 'fetch failed';
  console.error(unreachable ? `could not reach ${gatewayUrl}: is \`pnpm start\` running? (GATEWAY_URL)` : error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
}
