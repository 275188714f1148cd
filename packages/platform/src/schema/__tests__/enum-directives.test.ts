import { parse, print } from 'graphql';
import { PARTNER_TAG } from '../../graphql/partner-tag';
import { withEnumDirectives } from '../enum-directives';

const SDL = parse('enum Sort { NEWEST CHEAPEST }  type Query { a(sort: Sort): Int }');

describe('withEnumDirectives', () => {
  it('adds directives to an enum type and to single values, leaving the rest as it was', () => {
    const result = print(withEnumDirectives(SDL, { Sort: [PARTNER_TAG], 'Sort.CHEAPEST': ['@deprecated(reason: "gone")'] }));
    expect(result).toContain('enum Sort @tag(name: "partner") {\n  NEWEST\n  CHEAPEST @deprecated(reason: "gone")\n}');
    expect(result).toContain('type Query {\n  a(sort: Sort): Int\n}');
  });

  it('refuses a coordinate that names no enum or value (a typo would silently leave a value out of a contract)', () => {
    expect(() => withEnumDirectives(SDL, { 'Sort.OLDEST': [PARTNER_TAG] })).toThrow('enum directives name no enum or enum value: Sort.OLDEST');
  });
});
