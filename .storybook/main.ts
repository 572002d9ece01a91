import type { StorybookConfig } from '@storybook/web-components-vite';
import type { Plugin } from 'vite';

/**
 * Vite's development server serves a JSON file as a JavaScript module, but leaves the import attributes of a
 * dynamic `import('….json', { with: { type: 'json' } })` in place, so the browser refuses the answer (vitejs/vite
 * #19095). The ready elements load their instrument's text that way (decision 0012); for `npm start`, the
 * attributes are dropped from those imports. The build (rollup) and the package are not concerned.
 */
const jsonImportsInDevelopment = (): Plugin => ({
  name: 'boussole:dynamic-json-imports-in-development',
  apply: 'serve',
  enforce: 'pre',
  transform(code, id) {
    if (!/\/src\/.*\.ts$/.test(id) || !code.includes('.json')) return undefined;
    const out = code.replace(/import\(\s*('[^']+\.json'|"[^"]+\.json")\s*,\s*\{\s*with:\s*\{\s*type:\s*['"]json['"]\s*\}\s*\}\s*\)/g, 'import($1)');
    return out === code ? undefined : { code: out, map: null };
  },
});

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts', '../stories/**/*.mdx'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  viteFinal: (vite) => ({ ...vite, plugins: [...(vite.plugins ?? []), jsonImportsInDevelopment()] }),
};

export default config;
