// Portico web front end: one static build serving both hosts.
//   dashboard host  /x -> /app/x/index.html
//   portal hosts    /x -> /portal/x/index.html   (see infra/edge/site-viewer-request.js)
// Build from the repository root:  ASTRO_TELEMETRY_DISABLED=1 npx astro build --root site
//
// The Content-Security-Policy is `script-src 'self'`: no inline <script> may reach the HTML.
// - Astro inlines small bundled <script> chunks when they are under Vite's assetsInlineLimit:
//   a limit of 0 turns that off, so every script is an external /_astro/*.js file.
// - Astro's `client:*` islands always emit an inline bootstrap (<astro-island> definition and
//   the directive script) and no option turns that off, so pages do not use `client:*`: each page
//   server-renders its Preact component at build time and a bundled page <script> hydrates it
//   (see src/lib/mount.ts). scripts/check-no-inline-scripts.mjs guards all of this.
import preact from '@astrojs/preact';
import { defineConfig } from 'astro/config';

export default defineConfig({
  output: 'static',
  srcDir: './src',
  publicDir: './public',
  outDir: './dist',
  cacheDir: './.astro/cache',
  trailingSlash: 'ignore',
  integrations: [preact()],
  build: {
    format: 'directory',
    assets: '_astro',
    inlineStylesheets: 'never',
  },
  devToolbar: { enabled: false },
  vite: {
    cacheDir: './.astro/vite',
    build: {
      assetsInlineLimit: 0,
    },
  },
});
