import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './app/app.tsx';
import { createI18n, followLanguagePreference } from './i18n/i18n.ts';
import { getPreferences } from './i18n/preferences.ts';
import '@fontsource-variable/noto-sans-thai/wght.css';
import './styles/global.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// The shell's catalog (`common`) is loaded before the first render, so no screen shows a raw key.
const i18n = await createI18n({ language: getPreferences().language });
followLanguagePreference(i18n);

createRoot(root).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <App />
    </I18nextProvider>
  </StrictMode>,
);
