import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import { createQueryClient } from './api/query-client.js';
import { loginPath } from './auth/session.js';
import { createRouter } from './app/router.js';
import { BannerProvider } from './banner/BannerContext.js';
import './styles.css';

const router = createRouter();
const queryClient = createQueryClient(() => {
  const { pathname, search } = router.state.location;
  if (pathname === '/login') return;
  // Everything cached belonged to the ended session (the user among it): the login page starts from nothing.
  queryClient.clear();
  void router.navigate(loginPath(pathname + search), { replace: true });
});

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <BannerProvider>
        <RouterProvider router={router} />
      </BannerProvider>
    </QueryClientProvider>
  </StrictMode>,
);
