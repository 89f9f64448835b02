/**
 * The editor's mode for what its decorators render (the wording controls): they are React
 * portals inside the editor, so a context reaches them; the plugins read the same mode through
 * their own callback. In text mode (a translation) the structure is locked: nothing that removes
 * a block or a part is offered.
 */
import { createContext } from 'react';
import type { EditMode } from '../plugins/keyboard';

export const EditModeContext = createContext<EditMode>('edit');
