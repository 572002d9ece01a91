import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import { ArgTypes, Description, Primary, Subtitle, Title } from '@storybook/addon-docs/blocks';
import { createElement as h, Fragment } from 'react';
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
    // A component's docs page: its first story, live, and its API table. One element per page (several
    // instances of one form would repeat its landmarks), and the table without Controls: the controls
    // are in the Canvas, beside the story they drive.
    docs: { page: () => h(Fragment, null, h(Title), h(Subtitle), h(Description), h(Primary), h(ArgTypes)) },
    layout: 'padded',
  },
};

export default preview;
