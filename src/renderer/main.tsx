import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { api } from './api';
import { App } from './App';
import { browserLanguage, initI18n } from './i18n';
import { applyPageGeometry } from './page-geometry';
import './styles.css';

async function start(): Promise<void> {
  // The page's measurements come from the core's geometry, before anything is drawn.
  applyPageGeometry();
  const settings = await api.invoke('settings.get');
  const language = settings.ok ? settings.value.interfaceLanguage : browserLanguage();
  initI18n(language);
  document.documentElement.lang = language;
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root element');
  createRoot(root).render(
    <StrictMode>
      <App initialLanguage={language} />
    </StrictMode>,
  );
}

void start();
