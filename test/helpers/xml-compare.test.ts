import { describe, expect, it } from 'vitest';
import { diffXml } from './xml-compare.js';

describe('diffXml', () => {
  it('ignores whitespace, prefixes and namespace declarations', () => {
    const a = '<a:Invoice xmlns:a="urn:x"><a:ID> 1 </a:ID>\n</a:Invoice>';
    const b = '<Invoice xmlns="urn:x"><ID>1</ID></Invoice>';
    expect(diffXml(a, b)).toEqual([]);
  });

  it('reports changed text, attributes, order and missing elements', () => {
    const a = '<R><A x="1">t</A><B/><C/></R>';
    expect(diffXml(a, '<R><A x="2">t</A><B/><C/></R>')).toEqual(['/R/A[1]/@x: "1" became "2"']);
    expect(diffXml(a, '<R><A x="1">u</A><B/><C/></R>')).toEqual(['/R/A[1]: text "t" became "u"']);
    expect(diffXml(a, '<R><A x="1">t</A><C/><B/></R>')).toHaveLength(2);
    expect(diffXml(a, '<R><A x="1">t</A><B/></R>')).toEqual(['/R: missing C at position 3']);
  });
});
