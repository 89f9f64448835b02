/**
 * File > Print of a dossier: the host prints the print view through the system's dialog (the
 * desktop app: `export.print`); a host that cannot (the browser host) gives the page the print
 * view, which the page prints from a hidden frame with the browser's own dialog.
 */
import type { Lang } from '../../core/model/schema';
import type { IpcError } from '../../shared/ipc-contract';
import { api } from '../api';

export type PrintRequest = { id: string; lang: Lang; profile: 'issued' | 'manuscript' | 'letterhead'; paper: 'letter' | 'a4' };

/** Resolves with undefined when the print dialog was shown, or the error that prevented it. */
export async function printDossier(request: PrintRequest): Promise<IpcError | undefined> {
  const r = await api.invoke('export.print', request);
  if (r.ok) return undefined;
  if (r.error.code !== 'unavailable') return r.error;
  const html = await api.invoke('export.document', { ...request, format: 'html' });
  if (!html.ok) return html.error;
  printInFrame(new TextDecoder().decode(html.value.bytes));
  return undefined;
}

/** The frame the page prints from (replaced at each print); the page's CSP applies to it. */
export function printInFrame(html: string): HTMLIFrameElement {
  document.querySelector('iframe[data-rk-print]')?.remove();
  const frame = document.createElement('iframe');
  frame.dataset['rkPrint'] = '';
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  frame.style.cssText = 'position:fixed;width:0;height:0;border:0;right:0;bottom:0;visibility:hidden';
  frame.addEventListener('load', () => frame.contentWindow?.print(), { once: true });
  frame.srcdoc = html;
  document.body.append(frame);
  return frame;
}
