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
import { rename, rmdir } from 'node:fs/promises';
import preact from '@astrojs/preact';
import { defineConfig } from 'astro/config';

/**
 * The CDN answers a missing path with the area's error page, `app/404.html` or `portal/404.html`
 * (see local/server.ts). Astro's directory format only gives the root 404 page that name; this
 * moves `<area>/404/index.html` to `<area>/404.html` after the build.
 */
const areaNotFoundPages = {
  name: 'portico:area-404-pages',
  hooks: {
    'astro:build:done': async ({ dir }) => {
      for (const area of ['app', 'portal']) {
        await rename(new URL(`${area}/404/index.html`, dir), new URL(`${area}/404.html`, dir));
        await rmdir(new URL(`${area}/404/`, dir));
      }
    },
  },
};

export default defineConfig({
  output: 'static',
  srcDir: './src',
  publicDir: './public',
  outDir: './dist',
  cacheDir: './.astro/cache',
  trailingSlash: 'ignore',
  integrations: [preact(), areaNotFoundPages],
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
      rolldownOptions: {
        output: {
          // Code that pages share (preact, lib, components) goes into one cached chunk instead of a
          // dozen tiny ones: a page then loads two scripts, its own and this one.
          codeSplitting: {
            groups: [{ name: 'portico', test: /[\\/](site[\\/]src|node_modules[\\/]preact)[\\/]/, minShareCount: 2 }],
          },
        },
      },
    },
  },
});
