import { createApp } from 'vue';
import { createPinia } from 'pinia';
import App from './App.vue';
import '../../components/theme.css';
import { language } from '../../lib/i18n';
import '../../lib/i18n/catalogue';

document.documentElement.lang = language.value;
createApp(App).use(createPinia()).mount('#app');
