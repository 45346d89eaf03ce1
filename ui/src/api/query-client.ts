import { QueryClient } from '@tanstack/react-query';

/**
 * The page's one query cache, created before React renders so a lazy page's chunk, loaded at boot
 * alongside the session check, can start its first request into it (see `lazyPage` in App.tsx).
 */
export const queryClient = new QueryClient({ defaultOptions: { queries: { refetchOnWindowFocus: false } } });
