import './styles/tokens.css';
import './styles/backoffice.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { initI18n, initialLanguage } from './i18n.js';

const language = initialLanguage();
initI18n(language);
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App initialLanguage={language} />
  </StrictMode>,
);
