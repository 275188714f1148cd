import { webAppLines } from '../web-app-urls';

describe('the start banner’s web app lines', () => {
  it('names the storefront at / and the admin at /admin/ on the gateway’s origin', () => {
    expect(webAppLines('http://localhost:4000', {})).toBe('  Storefront          http://localhost:4000/\n  Admin               http://localhost:4000/admin/\n');
    expect(webAppLines('http://localhost:4000', { WEB_APPS: 'true' })).toContain('/admin/');
  });

  it('names none when WEB_APPS turns the serving off', () => {
    for (const off of ['false', 'FALSE', 'f', '0', ' false ']) expect(webAppLines('http://localhost:4000', { WEB_APPS: off })).toBe('');
  });
});
