/**
 * Document mutations as data, shared by the agreement harness (compare.mjs) and the
 * committed regression test (test/rules/agreement.test.ts).
 *
 * A recipe is `{ op, path, index?, value?, attr? }`:
 * - `path` names elements by a suffix of their qualified-name path, as written in the
 *   document (`cac:ClassifiedTaxCategory/cbc:ID`, `cbc:PayableAmount`); `index` picks the
 *   n-th match in document order (0-based, default 0).
 * - ops: `set` (text of a leaf), `add` (decimal added to a leaf's number, keeping at least
 *   its decimals), `scale` (leaf number multiplied), `remove` (the element and its
 *   content), `duplicate` (the element inserted again right after itself), `empty`
 *   (children and text dropped), `attr` (attribute `attr` set to `value`, or removed when
 *   `value` is null), `after` (the raw XML `value` inserted right after the element).
 * Works on the text: everything outside the touched element stays byte for byte.
 */

/**
 * Reads the element structure of a well-formed document: qualified name, start/end
 * offsets, content offsets, parent path. Comments, PIs, CDATA and the prolog are skipped.
 *
 * @param {string} xml
 * @returns {{ qname: string, path: string, start: number, end: number, contentStart: number, contentEnd: number, leaf: boolean }[]}
 */
export function readElements(xml) {
  const out = [];
  const stack = [];
  const re = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[[\s\S]*?\]\]>|<!DOCTYPE[^>]*>|<\/([^\s>]+)\s*>|<([^\s/>!?]+)((?:\s+[^\s=]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g;
  let m;
  while ((m = re.exec(xml)) !== null) {
    if (m[1] !== undefined) {
      const el = stack.pop();
      if (!el || el.qname !== m[1]) throw new Error(`mutate: unbalanced </${m[1]}> at ${m.index}`);
      el.contentEnd = m.index;
      el.end = m.index + m[0].length;
      el.leaf = !el.hasChild;
    } else if (m[2] !== undefined) {
      if (stack.length > 0) stack[stack.length - 1].hasChild = true;
      const path = [...stack.map((s) => s.qname), m[2]].join('/');
      const el = { qname: m[2], path, start: m.index, end: 0, contentStart: m.index + m[0].length, contentEnd: 0, leaf: true, hasChild: false };
      out.push(el);
      if (m[4] === '/') {
        el.end = el.contentStart;
        el.contentEnd = el.contentStart;
      } else stack.push(el);
    }
  }
  if (stack.length > 0) throw new Error(`mutate: <${stack[stack.length - 1].qname}> not closed`);
  return out;
}

function matches(el, path) {
  return el.path === path || el.path.endsWith(`/${path}`);
}

/**
 * Elements whose path ends with `path`, in document order.
 *
 * @param {string} xml
 * @param {string} path
 */
export function findElements(xml, path) {
  return readElements(xml).filter((el) => matches(el, path));
}

function decimals(s) {
  const i = s.indexOf('.');
  return i < 0 ? 0 : s.length - i - 1;
}

/** Exact decimal arithmetic on short decimal strings (scaled BigInt). */
function addDecimal(a, b) {
  const d = Math.max(decimals(a), decimals(b));
  const toInt = (s) => {
    const neg = s.startsWith('-');
    const [i, f = ''] = s.replace(/^[-+]/, '').split('.');
    const v = BigInt((i || '0') + f.padEnd(d, '0'));
    return neg ? -v : v;
  };
  const sum = toInt(a) + toInt(b);
  const neg = sum < 0n;
  let digits = (neg ? -sum : sum).toString().padStart(d + 1, '0');
  if (d > 0) digits = `${digits.slice(0, -d)}.${digits.slice(-d)}`;
  return (neg ? '-' : '') + digits;
}

function scaleDecimal(a, factor) {
  if (factor === '-1') return a.startsWith('-') ? a.slice(1) : a === '0' || /^0(\.0+)?$/.test(a) ? a : `-${a}`;
  throw new Error(`mutate: scale supports only -1, got ${factor}`);
}

/**
 * Applies one recipe to a document.
 *
 * @param {string} xml
 * @param {{ op: string, path: string, index?: number, value?: string | null, attr?: string }} recipe
 * @returns {string | undefined} the mutated document, or undefined when the recipe does not apply
 */
export function applyMutation(xml, recipe) {
  const el = findElements(xml, recipe.path)[recipe.index ?? 0];
  if (!el) return undefined;
  const text = xml.slice(el.contentStart, el.contentEnd);
  const replaceContent = (content) => xml.slice(0, el.contentStart) + content + xml.slice(el.contentEnd);
  switch (recipe.op) {
    case 'set':
      if (el.end === el.contentStart) return xml.slice(0, el.start) + xml.slice(el.start, el.contentStart - 2) + `>${recipe.value}</${el.qname}>` + xml.slice(el.end);
      return replaceContent(String(recipe.value));
    case 'add':
      if (!el.leaf || !/^\s*[-+]?\d+(\.\d+)?\s*$/.test(text)) return undefined;
      return replaceContent(addDecimal(text.trim(), String(recipe.value)));
    case 'scale':
      if (!el.leaf || !/^\s*[-+]?\d+(\.\d+)?\s*$/.test(text)) return undefined;
      return replaceContent(scaleDecimal(text.trim(), String(recipe.value)));
    case 'remove': {
      // Take the indentation before the element with it, so the document stays tidy.
      const before = xml.slice(0, el.start).replace(/\n[ \t]*$/, '');
      return before + xml.slice(el.end);
    }
    case 'after':
      return xml.slice(0, el.end) + String(recipe.value) + xml.slice(el.end);
    case 'duplicate':
      return xml.slice(0, el.end) + xml.slice(el.start, el.end) + xml.slice(el.end);
    case 'empty':
      if (el.end === el.contentStart) return xml;
      return replaceContent('');
    case 'attr': {
      const open = xml.slice(el.start, el.contentStart);
      const name = String(recipe.attr);
      const attrRe = new RegExp(`\\s${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*("[^"]*"|'[^']*')`);
      let next;
      if (recipe.value === null || recipe.value === undefined) {
        if (!attrRe.test(open)) return undefined;
        next = open.replace(attrRe, '');
      } else if (attrRe.test(open)) next = open.replace(attrRe, ` ${name}="${recipe.value}"`);
      else next = open.replace(/\s*(\/?)>$/, ` ${name}="${recipe.value}"$1>`);
      return xml.slice(0, el.start) + next + xml.slice(el.contentStart);
    }
    default:
      throw new Error(`mutate: unknown op ${recipe.op}`);
  }
}

/**
 * Applies recipes in order; undefined when one of them does not apply.
 *
 * @param {string} xml
 * @param {readonly object[]} recipes
 */
export function applyMutations(xml, recipes) {
  let out = xml;
  for (const r of recipes) {
    const next = applyMutation(out, r);
    if (next === undefined) return undefined;
    out = next;
  }
  return out;
}
