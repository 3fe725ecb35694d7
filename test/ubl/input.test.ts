import { describe, expect, it } from 'vitest';
import { decodeXmlInput, hasDoctype, maxElementDepth, readRootTag, unwrapSbdh, XmlInputError } from '../../src/ubl/input.js';

const bytes = (...parts: (number[] | Buffer)[]) => new Uint8Array(parts.flatMap((p) => [...p]));

describe('decodeXmlInput', () => {
  it('strips a UTF-8 byte order mark', () => {
    expect(decodeXmlInput(bytes([0xef, 0xbb, 0xbf], Buffer.from('<a>é</a>')))).toBe('<a>é</a>');
  });

  it('decodes UTF-16 LE and BE from their byte order marks', () => {
    expect(decodeXmlInput(bytes([0xff, 0xfe], Buffer.from('<a>é</a>', 'utf16le')))).toBe('<a>é</a>');
    const be = Buffer.from('<a>é</a>', 'utf16le').swap16();
    expect(decodeXmlInput(bytes([0xfe, 0xff], be))).toBe('<a>é</a>');
  });

  it('decodes UTF-16 without byte order mark from the shape of "<?"', () => {
    expect(decodeXmlInput(new Uint8Array(Buffer.from('<?xml version="1.0"?><a/>', 'utf16le')))).toBe('<?xml version="1.0"?><a/>');
  });

  it('decodes the encoding named in the XML declaration', () => {
    const latin1 = bytes(Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><a>'), [0xe9], Buffer.from('</a>'));
    expect(decodeXmlInput(latin1)).toBe('<?xml version="1.0" encoding="ISO-8859-1"?><a>é</a>');
  });

  it('throws XML-ENCODING for invalid UTF-8 and unknown encodings', () => {
    expect(() => decodeXmlInput(bytes([0x3c, 0x61, 0x3e, 0xc3, 0x28]))).toThrow(XmlInputError);
    expect(() => decodeXmlInput(Buffer.from('<?xml version="1.0" encoding="x-nope"?><a/>'))).toThrow(/x-nope/);
  });

  it('strips the BOM character from strings', () => {
    expect(decodeXmlInput('\uFEFF<a/>')).toBe('<a/>');
  });
});

describe('readRootTag', () => {
  it('reads the root name and namespace after the prolog', () => {
    const tag = readRootTag('<?xml version="1.0"?>\n<!-- c --><inv:Invoice a=">" xmlns:inv="urn:i" xmlns="urn:d"><x/>');
    expect(tag).toMatchObject({ qname: 'inv:Invoice', local: 'Invoice', ns: 'urn:i', namespaces: { inv: 'urn:i', '': 'urn:d' } });
  });

  it('returns undefined when there is no start tag', () => {
    expect(readRootTag('')).toBeUndefined();
    expect(readRootTag('hello')).toBeUndefined();
  });
});

describe('hasDoctype', () => {
  it('finds a DOCTYPE or ENTITY declaration in the prolog', () => {
    expect(hasDoctype('<?xml version="1.0"?><!DOCTYPE a SYSTEM "x.dtd"><a/>')).toBe(true);
    expect(hasDoctype('<a/>')).toBe(false);
  });

  it('finds a declaration anywhere outside comments and CDATA, as parseUbl does', () => {
    expect(hasDoctype(`<!--${'x'.repeat(5000)}--><a><!ENTITY e "x"></a>`)).toBe(true);
    expect(hasDoctype('<a><!-- <!DOCTYPE a> --><![CDATA[<!ENTITY e "x">]]></a>')).toBe(false);
  });
});

describe('maxElementDepth', () => {
  it('counts nesting, including self-closing elements, skipping comments and attribute values', () => {
    expect(maxElementDepth('<a><b/><c><d/></c></a>')).toBe(3);
    expect(maxElementDepth('<a x="<b>"><!-- <c><d> --><![CDATA[<e>]]></a>')).toBe(1);
  });

  it('stops counting past the limit', () => {
    expect(maxElementDepth('<a>'.repeat(1000), 10)).toBe(11);
  });
});

describe('unwrapSbdh', () => {
  const sbd = `<?xml version="1.0"?>
<sh:StandardBusinessDocument xmlns:sh="http://www.unece.org/cefact/namespaces/StandardBusinessDocumentHeader" xmlns:cbc="urn:cbc">
  <sh:StandardBusinessDocumentHeader>
    <sh:Sender><sh:Identifier Authority="iso6523-actorid-upis">0007:5567321707</sh:Identifier></sh:Sender>
    <sh:Receiver><sh:Identifier Authority="iso6523-actorid-upis">0088:7300010000001</sh:Identifier></sh:Receiver>
    <sh:DocumentIdentification><sh:InstanceIdentifier>abc-123</sh:InstanceIdentifier></sh:DocumentIdentification>
    <sh:BusinessScope>
      <sh:Scope><sh:Type>DOCUMENTID</sh:Type><sh:InstanceIdentifier>urn:doc</sh:InstanceIdentifier></sh:Scope>
      <sh:Scope><sh:Type>PROCESSID</sh:Type><sh:InstanceIdentifier>urn:proc</sh:InstanceIdentifier></sh:Scope>
    </sh:BusinessScope>
  </sh:StandardBusinessDocumentHeader>
  <Invoice xmlns="urn:inv"><cbc:ID>1</cbc:ID></Invoice>
</sh:StandardBusinessDocument>`;

  it('returns the payload with the envelope namespaces it uses declared on its root', () => {
    expect(unwrapSbdh(sbd).xml).toBe('<Invoice xmlns:sh="http://www.unece.org/cefact/namespaces/StandardBusinessDocumentHeader" xmlns:cbc="urn:cbc" xmlns="urn:inv"><cbc:ID>1</cbc:ID></Invoice>');
  });

  it('returns the routing fields of the header', () => {
    expect(unwrapSbdh(sbd).envelope).toEqual({ sender: '0007:5567321707', receiver: '0088:7300010000001', documentTypeId: 'urn:doc', processId: 'urn:proc', instanceIdentifier: 'abc-123' });
  });

  it('returns a document without envelope unchanged', () => {
    expect(unwrapSbdh('<Invoice/>')).toEqual({ xml: '<Invoice/>' });
  });
});
