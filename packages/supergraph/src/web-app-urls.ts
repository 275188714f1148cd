/**
 * The lines the local starts print for the web apps the gateway serves beside /graphql (gateway/src/edge/apps):
 * the storefront at `/`, the admin portal at `/admin/` — none when WEB_APPS turns the serving off (read as the
 * gateway's envalid `bool` reads it). `gatewayOrigin` is the URL a browser on this machine opens
 * (`http://localhost:4000`).
 */
export function webAppLines(gatewayOrigin: string, env: Record<string, string | undefined>): string {
  if (/^(false|f|0)$/i.test(env['WEB_APPS']?.trim() ?? '')) return '';
  return `  ${'Storefront'.padEnd(18)}  ${gatewayOrigin}/\n` + `  ${'Admin'.padEnd(18)}  ${gatewayOrigin}/admin/\n`;
}
