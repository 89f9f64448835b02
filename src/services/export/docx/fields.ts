/**
 * Word fields written as complex fields (begin / instruction / separate / result / end), so the
 * result Word and LibreOffice show before any update is already the right one.
 */
import { BuilderElement, Run, TextRun, XmlAttributeComponent, XmlComponent, type IRunOptions } from 'docx';

class SpaceAttribute extends XmlAttributeComponent<{ space: string }> {
  protected override readonly xmlKeys = { space: 'xml:space' };
}

class InstrText extends XmlComponent {
  constructor(instruction: string) {
    super('w:instrText');
    this.root.push(new SpaceAttribute({ space: 'preserve' }));
    this.root.push(instruction);
  }
}

const fldChar = (type: 'begin' | 'separate' | 'end') =>
  new BuilderElement<{ type: string }>({ name: 'w:fldChar', attributes: { type: { key: 'w:fldCharType', value: type } } });

type RunProps = Omit<IRunOptions, 'children' | 'text' | 'break'>;

/** A complex field: `instruction` (e.g. "REF _Ref000000001 \n \h") with `result` already shown. */
export function complexField(instruction: string, result: string, props: RunProps = {}): Run[] {
  return [
    new Run({ ...props, children: [fldChar('begin')] }),
    new Run({ ...props, children: [new InstrText(` ${instruction} `)] }),
    new Run({ ...props, children: [fldChar('separate')] }),
    new TextRun({ ...props, text: result }),
    new Run({ ...props, children: [fldChar('end')] }),
  ];
}
