import { Link, useLocation } from 'react-router';
import './shell.css';

/** Any path no route knows: say so, and offer the way home. */
export function NotFoundPage() {
  const { pathname } = useLocation();
  return (
    <main className="not-found" data-testid="not-found">
      <h1>Page not found</h1>
      <p className="muted">
        Nothing lives at <code>{pathname}</code>.
      </p>
      <Link to="/" className="not-found-home">
        Go to the workspace
      </Link>
    </main>
  );
}
