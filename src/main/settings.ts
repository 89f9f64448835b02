/**
 * Settings, in memory for now.
 * TODO(store): persist through src/services/store once it exists; keep this interface.
 */
import type { Settings, SettingsPatch } from '../shared/ipc-contract';

export type SettingsService = {
  get(): Settings;
  set(patch: SettingsPatch): Settings;
  onChange(listener: (settings: Settings, previous: Settings) => void): void;
};

export function createMemorySettings(initial: Settings): SettingsService {
  let current: Settings = { ...initial };
  const listeners: ((s: Settings, p: Settings) => void)[] = [];
  return {
    get: () => ({ ...current }),
    set(patch) {
      const previous = current;
      const next: Settings = { ...current };
      if (patch.interfaceLanguage !== undefined) next.interfaceLanguage = patch.interfaceLanguage;
      current = next;
      for (const l of listeners) l({ ...current }, { ...previous });
      return { ...current };
    },
    onChange: (listener) => void listeners.push(listener),
  };
}
