import { Navigate, useLocation } from 'react-router';
import { isUnauthenticated } from '../api/client.js';
import { useMe } from '../api/queries.js';
import { ClassificationBanner } from '../banner/ClassificationBanner.js';
import { ErrorState, Loading } from '../common/states.js';
import { loginPath } from '../auth/session.js';
import { Shell } from './Shell.js';

/** The signed-in part of the app: the shell once the session is confirmed, the login page otherwise. */
export function RequireSession() {
  const me = useMe();
  const location = useLocation();
  if (me.isSuccess) return <Shell me={me.data} />;
  if (me.isError && isUnauthenticated(me.error)) return <Navigate to={loginPath(location.pathname + location.search)} replace />;
  return (
    <div className="app">
      <ClassificationBanner position="top" />
      <main id="main">{me.isError ? <ErrorState error={me.error} what="your session" retry={() => void me.refetch()} /> : <Loading what="your session" />}</main>
      <ClassificationBanner position="bottom" />
    </div>
  );
}
