/**
 * Just enough of the Yjs/Hocuspocus wire format to see, before a message is applied, whether it
 * carries a document update and which: `[document name][message type][sync type][update]`.
 */
import * as decoding from 'lib0/decoding';

const MESSAGE_SYNC = 0;
const MESSAGE_SYNC_STATUS = 8;
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

/** The Yjs update a raw message carries (sync step 2 or update), or undefined for any other message. */
export function updateIn(raw: Uint8Array): Uint8Array | undefined {
  try {
    const d = decoding.createDecoder(raw);
    decoding.readVarString(d);
    if (decoding.readVarUint(d) !== MESSAGE_SYNC) return undefined;
    const sync = decoding.readVarUint(d);
    if (sync !== SYNC_STEP_2 && sync !== SYNC_UPDATE) return undefined;
    return decoding.readVarUint8Array(d);
  } catch {
    return undefined;
  }
}

/** An update that changes nothing (Yjs sends these, e.g. an empty step 2). */
export function isEmptyUpdate(update: Uint8Array): boolean {
  // An encoded update with no structs and no deletions is two zero varuints.
  return update.length <= 2 && update.every((b) => b === 0);
}

/** Whether an outgoing message is the acknowledgement that an update was saved ("SyncStatus"). */
export function isSaveAcknowledgement(raw: Uint8Array): boolean {
  try {
    const d = decoding.createDecoder(raw);
    decoding.readVarString(d);
    return decoding.readVarUint(d) === MESSAGE_SYNC_STATUS;
  } catch {
    return false;
  }
}
