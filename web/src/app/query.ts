import { QueryClient } from '@tanstack/vue-query'
import { ApiError } from './api'

/** The app's one QueryClient. Client errors (4xx) are answers, not glitches: never retried. */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      retry: (failures, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failures < 2,
    },
    mutations: { retry: false },
  },
})
