/** Fresh model ids for nodes the editor creates (split, pasted, duplicated, inserted). */
import { randomIds } from '../../../core/model/builder';

export const newId = {
  part: () => randomIds('p'),
  block: () => randomIds('b'),
  row: () => randomIds('r'),
  cell: () => randomIds('c'),
  footnote: () => randomIds('fn'),
};
