import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

export default defineConfig({
  plugins: [
    react(),
    // Offline and installable: a service worker precaches every built file (the app, the
    // simulation worker, styles, icons), so once loaded the app works without a network.
    VitePWA({
      registerType: 'autoUpdate',
      injectRegister: 'script',
      includeAssets: ['favicon.svg'],
      manifest: {
        name: 'Serviceflow',
        short_name: 'Serviceflow',
        description: 'Draw a multi-department service flow, simulate it, and see where customers wait — before and after a restructuring.',
        start_url: './',
        scope: './',
        display: 'standalone',
        background_color: '#f4f6f9',
        theme_color: '#1e3a5f',
        icons: [
          { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any maskable' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
        navigateFallback: 'index.html',
      },
    }),
  ],
  base: './',
  worker: { format: 'es' },
  optimizeDeps: { include: ['comlink', 'zod', '@dagrejs/dagre'] },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
