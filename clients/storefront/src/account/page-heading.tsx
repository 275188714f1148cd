import { useEffect, useRef, type ReactNode } from 'react';

/**
 * The page's `<h1>`, focused when the page opens (and the document titled after it): after a client-side
 * navigation a screen reader announces where the shopper arrived, and Tab starts from the page's top.
 */
export function PageHeading({ children, title }: { children: ReactNode; title: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · TechAlly`;
    ref.current?.focus({ preventScroll: false });
  }, [title]);
  return (
    <h1 ref={ref} tabIndex={-1} className="account-heading">
      {children}
    </h1>
  );
}
