import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  base: './',
  worker: { format: 'es' },
  optimizeDeps: { include: ['comlink', 'zod', '@dagrejs/dagre'] },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
