import { useEffect } from 'react';

/** The tab's title for the page shown ("Headphones · TechAlly"): what a screen reader announces on navigation. */
export function useDocumentTitle(title: string | null): void {
  useEffect(() => {
    if (title !== null) document.title = title ? `${title} · TechAlly` : 'TechAlly';
  }, [title]);
}
