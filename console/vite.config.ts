import { defineConfig } from 'vite';

/**
 * The console is served by the gateway under /console/, so every asset URL starts there.
 * Vite names bundles by content hash (`assets/index-<hash>.js`): the gateway caches those
 * for a year and the HTML never (gateway/src/routes/console.ts).
 */
export default defineConfig({
  base: '/console/',
  // Preact's automatic JSX runtime (no React).
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // Plot and d3 make one chunk of ~300 kB (~90 kB gzipped); no warning for that.
    chunkSizeWarningLimit: 600,
  },
});
