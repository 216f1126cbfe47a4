import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  base: './',
  worker: { format: 'es' },
  optimizeDeps: { include: ['comlink', 'pure-rand', 'zod', 'jstat'] },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
