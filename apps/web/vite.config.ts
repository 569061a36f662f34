// The console is built into static files that the API serves under /console (one origin, so
// the API's login and bearer token work unchanged). `npm run dev:web` serves it with hot
// reload and passes every other path to the API on DUBAN_API_URL (default http://localhost:3000).
import path from 'node:path';
import react from '@vitejs/plugin-react-swc';
import { defineConfig } from 'vite';

const apiUrl = process.env.DUBAN_API_URL ?? 'http://localhost:3000';
const repoRoot = path.resolve(__dirname, '../..');

export default defineConfig({
  root: __dirname,
  base: '/console/',
  plugins: [react()],
  resolve: {
    alias: {
      '@duban/domain': path.join(repoRoot, 'libs/domain/src/index.ts'),
      '@duban/contracts': path.join(repoRoot, 'libs/contracts/src/index.ts'),
    },
  },
  build: {
    outDir: path.join(repoRoot, 'dist/web'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2500,
  },
  server: {
    port: Number(process.env.DUBAN_WEB_PORT ?? 5173),
    proxy: {
      // Everything outside /console is the API.
      '^/(?!console)': { target: apiUrl, changeOrigin: false },
    },
  },
});
