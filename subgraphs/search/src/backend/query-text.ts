/**
 * The words of a query or a name, as the vocabulary and the typo corrector see them: lower case, split on
 * anything that is not a letter or a digit. The same rule as the vocabulary's SQL (`[^[:alnum:]]+`).
 */
export function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
}

/** Words worth correcting: long enough for trigrams to mean something, and not a number (a model, a size). */
export function isCorrectable(word: string): boolean {
  return word.length >= 3 && !/^\p{N}+$/u.test(word);
}
