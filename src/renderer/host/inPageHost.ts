/**
 * The in-page host: the same contract as the Electron main process, implemented directly with
 * src/core, for a plain browser with no host behind it (previews of the templates). It has no
 * library: the library, dossier and export channels answer 'unavailable', and the renderer says
 * so. Inputs go through the same dispatcher (zod validation, errors as data) and results are
 * structured-cloned, as IPC would, so the renderer cannot come to rely on shared objects.
 */
import { templateHandlers } from '../../shared/core-handlers';
import { EMPTY_MISSION } from '../../core/templates/mission';
import { DEFAULT_FRENCH_SPACING } from '../../core/model/schema';
import {
  createDispatcher,
  fail,
  isChannel,
  ok,
  type ChannelName,
  type Handlers,
  type RapporteurApi,
  type Result,
  type Settings,
} from '../../shared/ipc-contract';

const NO_LIBRARY = 'The library is not available in this preview: open Rapporteur (the desktop app) or its development host.';
const unavailable = () => fail('unavailable', NO_LIBRARY);

export function createInPageHost(initial: Pick<Settings, 'interfaceLanguage'>): RapporteurApi {
  let settings: Settings = { interfaceLanguage: initial.interfaceLanguage, frenchSpacing: DEFAULT_FRENCH_SPACING, backupDir: null, backupDirIsDefault: true, authorName: '', mission: EMPTY_MISSION, images: { emblem: null, signatures: {} } };
  const handlers: Handlers = {
    'app.info': () => ok({ name: 'Rapporteur', version: typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : '0.0.0-dev', platform: 'web' }),
    ...templateHandlers,
    'library.list': unavailable,
    'library.search': unavailable,
    'dossier.create': unavailable,
    'dossier.get': unavailable,
    'dossier.save': unavailable,
    'dossier.trash': unavailable,
    'dossier.untrash': unavailable,
    'dossier.history': unavailable,
    'dossier.snapshot': unavailable,
    'dossier.restore': unavailable,
    'dossier.check': unavailable,
    'export.document': unavailable,
    'export.print': unavailable,
    'files.open': unavailable,
    'files.save': unavailable,
    'dossier.addVersion': unavailable,
    'translation.memory': unavailable,
    'export.bilingual': unavailable,
    'dossier.compare': unavailable,
    'dossier.finalize': unavailable,
    'dossier.copy': unavailable,
    'dossier.import': unavailable,
    'dossier.importRevision': unavailable,
    'library.emptyTrash': unavailable,
    'team.status': () => ok(null),
    'team.connect': unavailable,
    'team.disconnect': unavailable,
    'team.share': unavailable,
    'team.invite': unavailable,
    'team.shareVersion': unavailable,
    'team.socket': unavailable,
    'team.offlineLoad': unavailable,
    'team.offlineAppend': unavailable,
    'settings.get': () => ok({ ...settings }),
    'settings.set': (patch) => {
      if (patch.backupDir !== undefined || patch.mission !== undefined || patch.authorName !== undefined) return unavailable();
      settings = {
        ...settings,
        ...(patch.interfaceLanguage !== undefined ? { interfaceLanguage: patch.interfaceLanguage } : {}),
        ...(patch.frenchSpacing !== undefined ? { frenchSpacing: patch.frenchSpacing } : {}),
      };
      return ok({ ...settings });
    },
    'settings.chooseBackupFolder': unavailable,
    'settings.setImage': unavailable,
    'settings.image': unavailable,
    // No host behind the page: no menus to enable, no flush to answer.
    'app.commandsAvailable': () => ok(null),
    'app.flushed': () => ok(null),
  };
  const dispatch = createDispatcher(handlers, (channel, error) => console.error(`[host] ${channel} failed:`, error));

  return {
    invoke(channel: ChannelName, input?: unknown) {
      if (!isChannel(channel)) throw new Error(`Rapporteur: IPC channel "${String(channel)}" is not in the contract.`);
      return dispatch(channel, input).then((r: Result<unknown>) => structuredClone(r));
    },
    // The page is its own host: nothing ever sends it an event.
    onEvent: () => () => undefined,
  } as RapporteurApi;
}
