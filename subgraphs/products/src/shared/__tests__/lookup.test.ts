import { exactlyOneKey } from '../lookup';

describe('exactlyOneKey', () => {
  it('tells which key was given', () => {
    expect(exactlyOneKey('some-id', null)).toBe('id');
    expect(exactlyOneKey(undefined, 'some-slug')).toBe('slug');
  });

  it('refuses both keys, or neither, with BAD_USER_INPUT', () => {
    expect(() => exactlyOneKey('some-id', 'some-slug')).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
    expect(() => exactlyOneKey(null, undefined)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
  });

  it('counts an empty string as given: "" is a (non-existent) slug, not a missing one', () => {
    expect(exactlyOneKey(null, '')).toBe('slug');
  });
});
