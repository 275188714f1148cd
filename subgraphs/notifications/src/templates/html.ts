/**
 * HTML that is safe to put into a message as it is: what {@link html} returns. Everything else a template
 * interpolates is text, and is escaped. Escaping is the default, so a value cannot be forgotten: a product named
 * `<script>` is shown as that name, never run (README.md, *Templates*).
 */
export class SafeHtml {
  constructor(readonly value: string) {}

  toString(): string {
    return this.value;
  }
}

/** What a template may interpolate: text (escaped), numbers, safe HTML, or a list of those (joined). */
export type HtmlValue = string | number | SafeHtml | null | undefined | ReadonlyArray<HtmlValue>;

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text as HTML text or attribute content (`& < > " '`). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character] ?? character);
}

function render(value: HtmlValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

/** The tagged template of every HTML template here: the literal parts are trusted, every value is escaped. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  return new SafeHtml(strings.reduce((out, literal, index) => out + literal + (index < values.length ? render(values[index] as HtmlValue) : ''), ''));
}
