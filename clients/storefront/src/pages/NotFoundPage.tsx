import { Link } from 'react-router';
import { useDocumentTitle } from '../components/useDocumentTitle';

/** Any address the shop does not have. */
export function NotFoundPage() {
  useDocumentTitle('Page not found');
  return (
    <div className="not-found">
      <h1>Page not found</h1>
      <p>There is no page at this address. It may have moved, or the link may be mistyped.</p>
      <p>
        <Link to="/" className="button button-primary">
          Back to the catalogue
        </Link>
      </p>
    </div>
  );
}
