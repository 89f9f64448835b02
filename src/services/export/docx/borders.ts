/** The rules the DOCX export draws (1/8 pt units): none, thin (0.5 pt), medium (1 pt), thick (1.5 pt). */
import { BorderStyle, type IBorderOptions } from 'docx';

export const NONE: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'auto' };
export const THIN: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
export const MEDIUM: IBorderOptions = { style: BorderStyle.SINGLE, size: 8, color: '000000' };
export const THICK: IBorderOptions = { style: BorderStyle.SINGLE, size: 12, color: '000000' };

/** A table without any rule. */
export const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };
