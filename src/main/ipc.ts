/**
 * Registers one ipcMain handler per channel of the contract. Each checks that the message comes
 * from the app's own renderer, then dispatches through the contract (input validated by zod
 * before any handler runs, errors returned as data).
 */
import { ipcMain, type WebFrameMain } from 'electron';
import { CHANNELS, createDispatcher, fail, ipcChannelName, type Handlers } from '../shared/ipc-contract';

export function registerIpcHandlers(handlers: Handlers, isTrustedFrame: (frame: WebFrameMain | null) => boolean): () => void {
  const dispatch = createDispatcher(handlers, (channel, error) => console.error(`[ipc] ${channel} failed:`, error));
  for (const channel of CHANNELS) {
    ipcMain.handle(ipcChannelName(channel), (event, input: unknown) => {
      if (!isTrustedFrame(event.senderFrame)) return fail('forbidden', `${channel}: sender is not the Rapporteur window.`);
      return dispatch(channel, input);
    });
  }
  return () => {
    for (const channel of CHANNELS) ipcMain.removeHandler(ipcChannelName(channel));
  };
}
