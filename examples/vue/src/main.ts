// Boussole in a Vue 3 page built with Vite: the element's module first, then the application.
import 'boussole/elements/form.js';
import type {} from 'boussole/vue';
import { createApp } from 'vue';
import App from './App.vue';

createApp(App).mount('#app');
