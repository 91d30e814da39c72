import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, apiVoid } from '../api/client.js';
import { ZLoginResponse } from '../api/schemas.js';

/** Logs in; on success the cache starts afresh with the new user, so nothing of a previous session shows. */
export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (creds: { username: string; password: string }) => api('/api/auth/login', ZLoginResponse, { method: 'POST', body: creds }),
    onSuccess: (r) => {
      qc.clear();
      qc.setQueryData(['me'], r.user);
    },
  });
}

/** Logs out, then forgets every answer of the session. */
export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => apiVoid('/api/auth/logout', { method: 'POST' }),
    onSettled: () => {
      qc.clear();
    },
  });
}

/** Where to go after login: a path inside the app named by `?next=`, else the map. */
export function nextPath(search: string): string {
  const next = new URLSearchParams(search).get('next');
  // Only same-origin paths: `//host` or `/\host` would leave the app.
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') && !next.startsWith('/login') ? next : '/';
}

/** The login address that returns to `path` afterwards. */
export function loginPath(path: string): string {
  return path === '/' || path.startsWith('/login') ? '/login' : `/login?next=${encodeURIComponent(path)}`;
}
