import { displayTextProblem } from '../display-text';

describe('displayTextProblem', () => {
  it.each([
    ['Latin with diacritics', 'Zoë Åsa Ñúñez-O’Brien'],
    ['Arabic', 'محمد علي'],
    ['Hebrew', 'יעל כהן'],
    ['Chinese', '李小龍'],
    ['Devanagari', 'देवनागरी'],
    ['an emoji with a skin tone', 'Ana 👍🏽'],
    ['an emoji ZWJ sequence', 'Ana 👩🏽‍💻 and 👨‍👩‍👧'],
  ])('lets %s through', (_label, text) => {
    expect(displayTextProblem(text)).toBeNull();
  });

  it.each([
    ['a right-to-left override', 'Ada \u202Eecalevol', 'a bidirectional override or isolate (U+202E)'],
    ['a left-to-right embedding', 'Ada \u202ALovelace', 'a bidirectional override or isolate (U+202A)'],
    ['a first-strong isolate', 'Ada \u2068Lovelace\u2069', 'a bidirectional override or isolate (U+2068)'],
    ['a zero-width space', 'Ada\u200BLovelace', 'a zero-width or invisible character (U+200B)'],
    ['a zero-width non-joiner', 'Ada\u200CLovelace', 'a zero-width or invisible character (U+200C)'],
    ['a zero-width joiner between letters', 'Ada\u200DLovelace', 'a zero-width or invisible character (U+200D)'],
    ['a zero-width joiner after an emoji and before a letter', '👩\u200DAda', 'a zero-width or invisible character (U+200D)'],
    ['a word joiner', 'Ada\u2060Lovelace', 'a zero-width or invisible character (U+2060)'],
    ['a byte-order mark', '\uFEFFAda', 'a zero-width or invisible character (U+FEFF)'],
    ['a NUL', 'Ada\u0000', 'a control character or line break (U+0000)'],
    ['a bell', 'Ada\u0007', 'a control character or line break (U+0007)'],
    ['a newline', 'Ada\nLovelace', 'a control character or line break (U+000A)'],
    ['a DEL', 'Ada\u007F', 'a control character or line break (U+007F)'],
    ['a C1 control', 'Ada\u0085', 'a control character or line break (U+0085)'],
    ['a line separator', 'Ada\u2028Lovelace', 'a control character or line break (U+2028)'],
  ])('refuses %s, naming the code point and not the text', (_label, text, problem) => {
    expect(displayTextProblem(text)).toBe(`must not contain ${problem}`);
    expect(displayTextProblem(text)).not.toContain('Ada');
  });
});
