import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { QueryClientProvider } from '@tanstack/react-query';
import './index.css';
import { router } from './app/router';
import { queryClient } from './lib/session/query-client';
import { Toaster } from './components/toast';
import { applyTheme, watchSystemTheme } from './app/theme';
import { installSessionEnd } from './features/auth/session-end';
import { preferNoEval } from './lib/deploy/strict-csp';

preferNoEval();
applyTheme();
watchSystemTheme();
installSessionEnd(router, queryClient);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
      <Toaster />
    </QueryClientProvider>
  </StrictMode>,
);
