/**
 * Opens the library at start, asking the user with a native dialog when it cannot be opened.
 * Everything that decides (what to offer, what each choice does, the wording) is in
 * src/services/host/startup.ts, tested on real files; this only shows the dialogs.
 */
import { dialog } from 'electron';
import type { InterfaceLanguage } from '../shared/ipc-contract';
import { openLibrary, resolveProblem, startupDialog, type StartupOptions } from '../services/host/startup';
import type { Store } from '../services/store/index';

/** The open store, or undefined when the user chose to quit. */
export async function openLibraryOrAsk(dataDir: string, lang: InterfaceLanguage, options: StartupOptions): Promise<Store | undefined> {
  let step = await openLibrary(dataDir, options);
  while (step.kind === 'problem') {
    console.error(`[startup] ${step.problem.code}: ${step.problem.message}`);
    const d = startupDialog(step.problem, lang);
    const { response } = await dialog.showMessageBox({
      type: d.type,
      title: d.title,
      message: d.message,
      detail: d.detail,
      buttons: d.buttons,
      defaultId: d.defaultId,
      cancelId: d.cancelId,
      noLink: true,
    });
    step = await resolveProblem(step.problem, d.choices[response], options);
  }
  return step.kind === 'ready' ? step.store : undefined;
}
