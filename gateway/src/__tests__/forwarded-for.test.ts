import { forwardedFor } from '../forwarded-for';

describe('forwardedFor (what the subgraphs learn of the client’s address)', () => {
  it('appends the address the gateway’s socket saw to the chain the request arrived with', () => {
    expect(forwardedFor({ 'x-forwarded-for': '203.0.113.7, 10.0.0.2' }, '10.0.0.3')).toBe('203.0.113.7, 10.0.0.2, 10.0.0.3');
    expect(forwardedFor({ 'x-forwarded-for': ['203.0.113.7', ' 10.0.0.2 '] }, '10.0.0.3')).toBe('203.0.113.7, 10.0.0.2, 10.0.0.3');
  });

  it('is the peer alone when the client sent none, and nothing when neither is known', () => {
    expect(forwardedFor({}, '198.51.100.4')).toBe('198.51.100.4');
    expect(forwardedFor({ 'x-forwarded-for': ' , ' }, undefined)).toBeUndefined();
  });
});
