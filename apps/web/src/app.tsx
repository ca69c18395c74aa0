import { StrictMode } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { SessionProvider } from './auth/session-provider';
import { routes } from './routes';

const router = createBrowserRouter(routes);

export function App() {
  return (
    <StrictMode>
      <SessionProvider>
        <RouterProvider router={router} />
      </SessionProvider>
    </StrictMode>
  );
}
