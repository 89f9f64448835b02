/** A failed `team.*` call as one sentence in the interface language (the host's sentence inside). */
import type { IpcError } from '../../shared/ipc-contract';
import type { AppKey } from '../i18n';

export function teamErrorText(t: (key: AppKey, vars?: Record<string, string | number>) => string, error: IpcError): string {
  // A refused token, said as the Team panel says a refused connection.
  if (error.code === 'forbidden' && error.details?.['refused'] === 'token') return t('team.badToken');
  // 'unavailable' is, for the team, a server that does not answer: its message says which.
  return error.code === 'unavailable' ? t('team.unreachable', { message: error.message }) : t(`errors.${error.code}`, { message: error.message });
}
