/**
 * Handlers of the channels that only need src/core (no store, no Electron), shared by every
 * host so the Electron main process and the in-page browser host cannot drift apart.
 */
import { LANGS } from '../core/model/schema';
import { TEMPLATE_KINDS, createFromTemplate } from '../core/templates/index';
import { ok, type Handlers } from './ipc-contract';

export const templateHandlers: Pick<Handlers, 'templates.list' | 'templates.create'> = {
  'templates.list': () => ok(TEMPLATE_KINDS.map((kind) => ({ kind, languages: [...LANGS] }))),
  'templates.create': ({ kind, lang }) => ok(createFromTemplate(kind, lang)),
};
