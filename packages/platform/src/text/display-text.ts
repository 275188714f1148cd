/**
 * Characters a line of text shown to other people (a display name, an address line, a review title) must not
 * hold, with what to call them in an error. They are invisible or turn the text around, so a name can read as
 * a different name in an email or an admin screen ("Trojan Source", CVE-2021-42574), and control characters
 * break the line it is printed on. Letters and marks of every script stay allowed.
 */
const HIDDEN_CHARACTERS: ReadonlyArray<{ readonly pattern: RegExp; readonly kind: string }> = [
  { pattern: /[\u202A-\u202E\u2066-\u2069]/u, kind: 'a bidirectional override or isolate' },
  { pattern: /[\u200B-\u200D\u2060-\u2064\uFEFF]/u, kind: 'a zero-width or invisible character' },
  { pattern: /[\p{Cc}\u2028\u2029]/u, kind: 'a control character or line break' },
];

/**
 * An emoji ZWJ sequence (👩🏽‍💻): the one place a zero-width joiner is visible, as part of a single picture. Only
 * a joiner between two pictographs (a skin tone or variation selector may follow the first) is let through.
 */
const EMOJI_JOINER = /(\p{Extended_Pictographic}(?:[\u{1F3FB}-\u{1F3FF}]|\uFE0F)?)\u200D(?=\p{Extended_Pictographic})/gu;

/**
 * Why `text` may not be shown as one line to other people, as a phrase that completes "<field> …"
 * ("must not contain a bidirectional override or isolate (U+202E)"), or null when it may. The phrase names the
 * code point, never the text around it: an error must not repeat what the client sent.
 */
export function displayTextProblem(text: string): string | null {
  const checked = text.replace(EMOJI_JOINER, '$1');
  for (const { pattern, kind } of HIDDEN_CHARACTERS) {
    const found = pattern.exec(checked);
    if (found) return `must not contain ${kind} (${codePointName(found[0])})`;
  }
  return null;
}

function codePointName(character: string): string {
  return `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}
