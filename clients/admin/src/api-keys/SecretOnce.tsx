import { useEffect, useRef, useState } from 'react';

/**
 * A key's secret, the one time the graph gives it: copy it now, it is never shown again. Focus moves here so a
 * keyboard or screen-reader user does not miss it.
 */
export function SecretOnce({ name, secret, onDismiss }: { name: string; secret: string; onDismiss: () => void }) {
  const ref = useRef<HTMLElement>(null);
  const [copied, setCopied] = useState<string | null>(null);
  useEffect(() => ref.current?.focus(), [secret]);
  async function copy() {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied('Copied to the clipboard.');
    } catch {
      setCopied('The browser refused the clipboard: select the secret and copy it by hand.');
    }
  }
  return (
    <section ref={ref} tabIndex={-1} aria-labelledby="secret-title" className="card secret">
      <h2 id="secret-title">Secret of {name}</h2>
      <p>
        <strong>Copy it now: it is shown only this once.</strong> Give it to the partner over a safe channel.
      </p>
      <label htmlFor="secret-value">Secret</label>
      <input id="secret-value" readOnly value={secret} className="secret-value" onFocus={(event) => event.currentTarget.select()} />
      <div className="actions">
        <button type="button" className="primary" onClick={() => void copy()}>
          Copy secret
        </button>
        <button type="button" onClick={onDismiss}>
          I have stored it
        </button>
        {copied && (
          <span role="status" className="saved">
            {copied}
          </span>
        )}
      </div>
    </section>
  );
}
