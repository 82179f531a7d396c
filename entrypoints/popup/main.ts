import { createApp } from 'vue';
import { createPinia } from 'pinia';
import App from './App.vue';
import '../../components/theme.css';
import { language, loadCatalogue } from '../../lib/i18n';

document.documentElement.lang = language.value;
createApp(App).use(createPinia()).mount('#app');
// The words of errors and the log, after the popup is up (it shows its own texts without them).
void loadCatalogue();
