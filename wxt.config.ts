import { defineConfig } from 'wxt';
import { AMELIPRO_MATCHES } from './lib/hosts';
import { rawCatalogue } from './lib/rules/catalogue';
import { parseCatalogue } from './lib/rules/schema';

// Manifest as a function of the target: Chrome-only permissions never reach Firefox.
export default defineConfig({
  imports: false,
  manifestVersion: 3,
  hooks: {
    // The rule catalogue ships as plain data: validate it before every build (throws naming the bad rule).
    'build:before': () => {
      parseCatalogue(rawCatalogue);
    },
  },
  vite: () => ({
    // WXT_SOURCEMAP=1 npx wxt build: source maps to see what each bundle is made of (add WXT_MINIFY=1 to keep the
    // shipped minification, e.g. to map a CPU profile of the real bundle back to the sources)
    build: { target: 'es2022', sourcemap: process.env.WXT_SOURCEMAP === '1', minify: process.env.WXT_SOURCEMAP !== '1' || process.env.WXT_MINIFY === '1' },
  }),
  manifest: ({ browser }) => {
    const isFirefox = browser === 'firefox';
    return {
      name: '__MSG_extName__',
      short_name: 'Compagnon amelipro',
      description: '__MSG_extDescription__',
      default_locale: 'fr',
      permissions: isFirefox ? ['storage'] : ['storage', 'sidePanel'],
      host_permissions: AMELIPRO_MATCHES,
      icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
      action: { default_title: '__MSG_actionTitle__' },
      ...(isFirefox
        ? {
            browser_specific_settings: {
              gecko: {
                id: 'compagnon-amelipro@compagnon-amelipro.org',
                strict_min_version: '142.0',
                data_collection_permissions: { required: ['none'] },
              },
            },
          }
        : {}),
    };
  },
});
