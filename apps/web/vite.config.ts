import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

/** The API server serves `dist/` in production; in development Vite proxies `/api` to it. */
export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      '/api': { target: 'http://localhost:3000', ws: true },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
