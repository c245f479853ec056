import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Where `npm run dev:web` forwards API calls; the Kontor server listens on port 3000 by default.
const apiTarget = process.env.KONTOR_DEV_API ?? 'http://localhost:3000';

export default defineConfig({
  root: fileURLToPath(new URL('./web', import.meta.url)),
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist/web', import.meta.url)),
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        // Libraries change less often than the app: a separate chunk stays cached across Kontor updates.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 2 },
            // The password policy's dictionaries (zxcvbn-ts, a few MB) stay out: they load on demand with it.
            { name: 'vendor', test: /node_modules[\\/](?!@zxcvbn-ts[\\/])/, priority: 1 },
          ],
        },
      },
    },
  },
  server: {
    // No changeOrigin: the server's same-origin check compares Origin with the Host it receives.
    proxy: {
      // ws: the remote-support signalling sockets live under /api too.
      '/api': { target: apiTarget, ws: true },
      '/healthz': apiTarget,
    },
  },
});
