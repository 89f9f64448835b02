/**
 * The streaming XML reader of the DOCX importer (services/import/xml-stream.ts): what it keeps,
 * what it refuses as malformed (as strictly as the DOM parser it replaced), and its limits.
 */
import { describe, expect, it } from 'vitest';
import { ImportError, MAX_XML_DEPTH } from '../../src/services/import/errors';
import { attr, descendants, kids, streamXml, textOf, W, XmlSyntaxError, type XEl } from '../../src/services/import/xml-stream';

const NS = `xmlns:w="${W}"`;

/** The root's children, each kept whole. */
function top(xml: string): XEl[] {
  const out: XEl[] = [];
  streamXml(xml, { keep: (_el, parents) => parents.length === 1, element: (el) => out.push(el) }, 'word/document.xml', 'f.docx');
  return out;
}

function refusal(xml: string): unknown {
  try {
    top(xml);
  } catch (e) {
    return e;
  }
  return undefined;
}

describe('streamXml: what is read', () => {
  it('keeps only the subtrees asked for, with text, CDATA and the five XML entities decoded', () => {
    const [p, q] = top(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ${NS}><w:p><w:r><w:t>a &amp; b &lt;c&gt; &quot;d&apos; &#233;&#x2019;</w:t><w:t><![CDATA[<x>]]></w:t></w:r></w:p><!-- note --><?pi x?><w:p/></w:document>`);
    expect(p!.local).toBe('p');
    expect(textOf(p!)).toBe(`a & b <c> "d' é’<x>`);
    expect(q!.children).toEqual([]);
  });

  it('gives the WordprocessingML attributes by local name, whatever the prefix bound to the namespace', () => {
    const [a, b, c] = top(`<d ${NS} xmlns:o="${W}" xmlns:x="urn:other"><w:p w:val="1" x:val="2"/><o:p o:val="3"/><w:p val="4" x:id="5"/></d>`);
    expect(attr(a, 'val')).toBe('1');
    expect(attr(b, 'val')).toBe('3');
    expect(b!.ns).toBe(W);
    expect(attr(c, 'val')).toBeUndefined();
    expect(attr(c, 'id')).toBeUndefined();
  });

  it('normalises line ends in text and whitespace in attribute values, as XML says', () => {
    const [p] = top(`<d ${NS}><w:p w:val="a\tb\r\nc"><w:t>x\r\ny\rz</w:t></w:p></d>`);
    expect(attr(p, 'val')).toBe('a b c');
    expect(textOf(p!)).toBe('x\ny\nz');
  });

  it('finds WordprocessingML descendants in document order, nested ones included', () => {
    const [p] = top(`<d ${NS}><w:p><w:txbxContent><w:p><w:txbxContent/></w:p></w:txbxContent><x:txbxContent xmlns:x="urn:x"/></w:p></d>`);
    expect(descendants(p!, 'txbxContent')).toHaveLength(2);
    expect(kids(p!, 'txbxContent')).toHaveLength(2);
  });

  it('passes over a DOCTYPE without expanding what it declares', () => {
    expect(top(`<!DOCTYPE d [<!ENTITY a "x">]><d ${NS}><w:p/></d>`)).toHaveLength(1);
  });
});

describe('streamXml: malformed XML is refused', () => {
  const cases: [string, string][] = [
    ['an entity declared in a DOCTYPE ("billion laughs")', `<!DOCTYPE d [<!ENTITY a "xx"><!ENTITY b "&a;&a;">]><d><t>&b;</t></d>`],
    ['an external entity', `<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><d><t>&x;</t></d>`],
    ['an unknown entity in an attribute', `<d a="&foo;"/>`],
    ['mismatched tags', `<d><a></b></d>`],
    ['an unclosed element', `<d><a>`],
    ['two roots', `<d/><d/>`],
    ['text after the root', `<d/>x`],
    ['an undeclared element prefix', `<d><x:p/></d>`],
    ['an undeclared attribute prefix', `<d x:a="1"/>`],
    ['a repeated attribute', `<d a="1" a="2"/>`],
    ['an unquoted attribute value', `<d a=1/>`],
    ['"<" in an attribute value', `<d a="<"/>`],
    ['a control character in a name', `<d><a\u0004b/></d>`],
    ['an XML declaration that is not first', ` <?xml version="1.0"?><d/>`],
    ['a damaged XML declaration', `<?xml versBon="1.0"?><d/>`],
    ['no root element', `<?xml version="1.0"?>`],
  ];
  for (const [what, xml] of cases) {
    it(what, () => {
      expect(refusal(xml)).toBeInstanceOf(XmlSyntaxError);
    });
  }
});

describe('streamXml: limits', () => {
  it(`refuses nesting deeper than ${MAX_XML_DEPTH} with the importer's sentence, and reads ${MAX_XML_DEPTH} levels`, () => {
    const nest = (n: number) => `${'<a>'.repeat(n)}${'</a>'.repeat(n)}`;
    expect(refusal(nest(MAX_XML_DEPTH))).toBeUndefined();
    const e = refusal(nest(100_000));
    expect(e).toBeInstanceOf(ImportError);
    expect((e as ImportError).message).toBe(`f.docx: word/document.xml nests elements more than ${MAX_XML_DEPTH} deep (tables in tables, links in links, boxes in boxes …); the limit is ${MAX_XML_DEPTH}.`);
  });

  it('reads a 5 MB attribute and 20,000 attributes on one element', () => {
    expect(top(`<d ${NS}><w:p w:rsid="${'A'.repeat(5_000_000)}"/></d>`)).toHaveLength(1);
    expect(top(`<d ${NS}><w:p ${Array.from({ length: 20_000 }, (_, i) => `a${i}="1"`).join(' ')}/></d>`)).toHaveLength(1);
  });
});
