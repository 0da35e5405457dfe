// Built from the repo root (`npx vite build --config admin-ui/vite.config.mts`), so every path is
// anchored to this file's folder (.mts: an ES module, whatever the root package.json says).
import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = import.meta.dirname;
const apiServer = 'http://localhost:3000';

export default defineConfig({
  root: here,
  plugins: [react()],
  build: {
    outDir: path.resolve(here, 'dist'),
    emptyOutDir: true,
    // Libraries in their own chunks: each stays under the 500 kB warning, and browsers keep
    // them cached across releases of the app code. The charts (@mui/x-charts*) are in no group:
    // only the analytics page draws them, and it is loaded when opened (App.tsx), charts with it.
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'mui-icons', test: /node_modules[\\/]@mui[\\/]icons-material[\\/]/, priority: 3 },
            { name: 'ra-core', test: /node_modules[\\/]ra-core[\\/]/, priority: 3 },
            { name: 'mui', test: /node_modules[\\/]@mui[\\/](?!x-charts)/, priority: 2 },
            { name: 'react-admin', test: /node_modules[\\/](react-admin|ra-[^\\/]+)[\\/]/, priority: 2 },
            { name: 'vendor', test: /node_modules[\\/](?!@mui[\\/]x-charts)/, priority: 1 },
          ],
        },
      },
    },
  },
  server: {
    proxy: { '/api': apiServer, '/healthz': apiServer, '/readyz': apiServer },
  },
});
