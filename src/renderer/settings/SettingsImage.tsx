/**
 * An image kept in the settings (the letterhead's emblem, a signatory's scanned signature): shown
 * when set, chosen from a file (PNG or JPEG, at most 2 MB; the host checks the bytes), removed.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { IpcError, Settings, SettingsImageSlot } from '../../shared/ipc-contract';
import { api } from '../api';
import { toBase64 } from '../../shared/wire';
import { useAppTranslation } from '../i18n';

export function SettingsImage({ label, slot, set, onSettings, onError, disabledHint, testId }: {
  label: string;
  slot: SettingsImageSlot;
  /** Whether an image is set now (from the settings). */
  set: boolean;
  onSettings: (s: Settings) => void;
  onError: (e: IpcError | undefined) => void;
  /** Why the image cannot be chosen yet (a person not saved), if so. */
  disabledHint?: string | undefined;
  testId: string;
}) {
  const { t } = useAppTranslation();
  const id = useId();
  const [url, setUrl] = useState<string | undefined>();
  const input = useRef<HTMLInputElement>(null);
  const key = slot.slot === 'emblem' ? 'emblem' : slot.person;
  useEffect(() => {
    if (!set) return setUrl(undefined);
    let live = true;
    // A data: URL, which the Content-Security-Policy's img-src allows (a blob: URL it refuses: the preview stayed broken).
    void api.invoke('settings.image', { image: slot }).then((r) => {
      if (live && r.ok && r.value) setUrl(`data:${r.value.mime};base64,${toBase64(r.value.bytes)}`);
    });
    return () => {
      live = false;
    };
    // `slot` is a new object on every render; `key` names the same slot.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [set, key]);
  const change = async (bytes: Uint8Array<ArrayBuffer> | null) => {
    const r = await api.invoke('settings.setImage', { image: slot, bytes });
    onError(r.ok ? undefined : r.error);
    if (r.ok) onSettings(r.value);
  };
  return (
    <div className="mf-field settings-image" data-testid={testId} data-set={set}>
      <span className="mf-label" id={`${id}-label`}>
        {label}
      </span>
      {url && <img src={url} alt={label} className="settings-image-preview" />}
      {disabledHint ? (
        <span className="mf-hint">{disabledHint}</span>
      ) : (
        <>
          {/* The browser's own file button speaks the browser's language: a button of ours, in the interface's. */}
          <input
            ref={input}
            id={id}
            type="file"
            hidden
            accept="image/png,image/jpeg"
            data-testid={`${testId}-file`}
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void file.arrayBuffer().then((b) => change(new Uint8Array(b)));
            }}
          />
          <button type="button" aria-describedby={`${id}-label`} data-testid={`${testId}-choose`} onClick={() => input.current?.click()}>
            {t(set ? 'settings.replaceImage' : 'settings.chooseImage')}
          </button>
        </>
      )}
      {set && (
        <button type="button" className="link" data-testid={`${testId}-remove`} onClick={() => void change(null)}>
          {t('settings.removeImage')}
        </button>
      )}
    </div>
  );
}
