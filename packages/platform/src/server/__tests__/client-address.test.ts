import { clientAddressOf } from '../request-info';

describe('clientAddressOf', () => {
  it('takes the entry the gateway appended, ignoring what the client wrote further left', () => {
    // client → gateway (appends 198.51.100.9, the client it saw) → users (sees the gateway, 10.0.0.5)
    expect(clientAddressOf({ 'x-forwarded-for': '1.2.3.4, 198.51.100.9' }, '10.0.0.5', 1)).toBe('198.51.100.9');
    expect(clientAddressOf({ 'x-forwarded-for': '198.51.100.9' }, '10.0.0.5', 1)).toBe('198.51.100.9');
  });

  it('counts a load balancer in front of the gateway as another trusted proxy', () => {
    expect(clientAddressOf({ 'x-forwarded-for': '1.2.3.4, 198.51.100.9, 10.0.0.1' }, '10.0.0.5', 2)).toBe('198.51.100.9');
  });

  it('falls back to the left-most entry for a shorter chain, and says unknown when there is none', () => {
    expect(clientAddressOf({}, '198.51.100.9', 1)).toBe('198.51.100.9');
    expect(clientAddressOf({}, '198.51.100.9', 0)).toBe('198.51.100.9');
    expect(clientAddressOf({}, undefined, 1)).toBe('unknown');
  });

  it('with no trusted proxy (a gateway facing the internet) takes the socket peer, whatever X-Forwarded-For says', () => {
    expect(clientAddressOf({ 'x-forwarded-for': '203.0.113.77' }, '198.51.100.9', 0)).toBe('198.51.100.9');
  });
});
