import { useState, type FormEvent } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { ApiError } from '../api/client.js';
import { useMe } from '../api/queries.js';
import { useTitle } from '../common/use-title.js';
import { nextPath, useLogin } from './session.js';

/** The login form. It lists no user: the demo logins are printed by `npm start` and in the README. */
export function LoginPage() {
  useTitle('Log in');
  const location = useLocation();
  const navigate = useNavigate();
  const me = useMe();
  const login = useLogin();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const target = nextPath(location.search);

  if (me.isSuccess) return <Navigate to={target} replace />;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    login.mutate({ username: username.trim(), password }, { onSuccess: () => void navigate(target, { replace: true }) });
  };
  const error = login.error instanceof ApiError ? login.error.message : login.error ? 'Login failed.' : null;

  return (
    <main id="main" className="login">
      <form className="login-form" onSubmit={submit} aria-labelledby="login-title" noValidate>
        <h1 id="login-title">Sallyport</h1>
        <p className="login-lead">Detainee transfer coordination. All data is synthetic.</p>
        <label htmlFor="username">Username</label>
        <input id="username" name="username" autoComplete="username" autoCapitalize="none" spellCheck={false} required
          value={username} onChange={(e) => setUsername(e.target.value)} autoFocus />
        <label htmlFor="password">Password</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required
          value={password} onChange={(e) => setPassword(e.target.value)} />
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" disabled={login.isPending || username.trim() === '' || password === ''}>
          {login.isPending ? 'Logging in…' : 'Log in'}
        </button>
        <p className="login-hint">Use a demo login printed when the server starts (for example a JTF user).</p>
      </form>
    </main>
  );
}
