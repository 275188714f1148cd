import type { ReactNode } from 'react';
import { Link } from 'react-router';

/** A record the URL names that the graph does not have (a stale link, a typo). */
export function NotFound({ what, back, backLabel }: { what: string; back: string; backLabel: string }) {
  return (
    <section>
      <h1>{what} not found</h1>
      <p>
        Nothing has this id. <Link to={back}>{backLabel}</Link>
      </p>
    </section>
  );
}

/** The header of a table's actions column: named for screen readers, blank on screen. */
export function ActionsHeader() {
  return (
    <th scope="col">
      <span className="visually-hidden">Actions</span>
    </th>
  );
}

/**
 * A form's submit button, which says it is working while the mutation runs, and what the mutation did once it
 * succeeded (`done`, announced politely).
 */
export function FormActions({ busy, label, busyLabel, done }: { busy: boolean; label: string; busyLabel: string; done?: string | null | false }) {
  return (
    <div className="actions">
      <button type="submit" className="primary" disabled={busy}>
        {busy ? busyLabel : label}
      </button>
      {done && (
        <span role="status" className="saved">
          {done}
        </span>
      )}
    </div>
  );
}

/**
 * A table that may scroll sideways on a narrow screen: a named region the keyboard can reach and scroll (WCAG 2.1.1,
 * axe's scrollable-region-focusable), for tables with nothing focusable inside.
 */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-wrap" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
