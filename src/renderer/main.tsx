import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { browserLanguage, initI18n } from './i18n';
import { applyPageGeometry } from './page-geometry';
import './controls.css';
import './styles.css';
import recognizeWorkerUrl from './editor/paste/recognizeWorker?worker&url';
import { setRecognizeWorkerUrl } from './editor/paste/worker';
import checkWorkerUrl from './workspace/checks/checkWorker?worker&url';
import { setCheckWorkerUrl } from './workspace/checks/liveChecks';
import { connectToHost } from './commands/registry';
import { api } from './api';
import { setFilePicker } from './files/picker';
import { hostFilePicker } from './files/native';
import { hostDestination, setFileDestination } from './files/destination';

// A large paste is recognised, and the checker runs while writing, in workers (the bundler
// builds each as its own script).
setRecognizeWorkerUrl(recognizeWorkerUrl);
setCheckWorkerUrl(checkWorkerUrl);

// Menu commands and the flush before quit, from whichever host serves the page.
connectToHost(api);
// In the desktop app files are chosen in the system's own dialog, through the host.
// Exports likewise go where its save dialog says (in a browser: a download).
if (window.rapporteur) {
  setFilePicker(hostFilePicker);
  setFileDestination(hostDestination);
}

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
