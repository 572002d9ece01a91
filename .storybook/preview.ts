import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import manifest from '../custom-elements.json' with { type: 'json' };
import '../src/define.js';
import { designerControls, publicManifest, withCustomProperties } from './designer.js';

// Controls and API tables come from the custom-elements manifest built from the elements' JSDoc,
// with only the public API in them, once per attribute.
const api = publicManifest(manifest);
setCustomElementsManifest(api);

const preview: Preview = {
  tags: ['autodocs'],
  argTypesEnhancers: [designerControls(api)],
  decorators: [withCustomProperties],
  parameters: {
    a11y: { test: 'error' },
    controls: { expanded: true },
    layout: 'padded',
  },
};

export default preview;
