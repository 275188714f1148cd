import { clientAddress } from '../client-address';

describe('clientAddress (who a per-client limit counts)', () => {
  it('is the socket’s peer when no proxy is trusted, whatever X-Forwarded-For claims', () => {
    expect(clientAddress({ 'x-forwarded-for': '198.51.100.7' }, '203.0.113.9', 0)).toBe('203.0.113.9');
  });

  it('is the entry the trusted proxy appended, never one the client wrote further left', () => {
    // The client wrote 1.2.3.4; the load balancer appended the address it saw, 198.51.100.9.
    expect(clientAddress({ 'x-forwarded-for': '1.2.3.4, 198.51.100.9' }, '10.0.0.5', 1)).toBe('198.51.100.9');
    expect(clientAddress({ 'x-forwarded-for': '1.2.3.4, 198.51.100.9, 10.0.0.1' }, '10.0.0.5', 2)).toBe('198.51.100.9');
  });

  it('takes the left-most entry of a chain shorter than the proxies claimed, and says unknown without any', () => {
    expect(clientAddress({}, '198.51.100.9', 1)).toBe('198.51.100.9');
    expect(clientAddress({}, undefined, 0)).toBe('unknown');
  });
});
