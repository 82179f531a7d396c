/**
 * Cuts a SOAP answer at its list items, so a list of thousands is parsed one item at a time.
 *
 * Parsed whole, a 2,000-relation or 500-mutation answer becomes two full trees (fast-xml-parser's
 * ordered nodes, then the object tree), large and long-lived enough to reach the old generation
 * before they are dropped: in the extension's service worker that garbage, not what the import
 * keeps, was the heap's peak. Here only the tags are scanned (CDATA, comments and processing
 * instructions skipped, every closing tag matched to its opening one); each outermost list item
 * becomes a range of the text, and the rest (envelope, ErrorMsg, wrappers) is parsed as before.
 * `ListItemTexts` parses an item only when it is read, so each tree dies young.
 *
 * Anything the scan does not expect (a DOCTYPE, a mismatched or unclosed tag, a list item where
 * the skeleton has no plain path to it) returns undefined: the caller parses the whole text as
 * before, so odd answers get exactly the old result or the old error.
 */

/** A list item that is not well-formed XML, found when it is read. */
export class UnreadableItem extends Error {}

/** The items of one ArrayOfX wrapper, still text; parsed one by one as they are iterated. */
export class ListItemTexts implements Iterable<unknown> {
  constructor(
    private readonly xml: string,
    /** start, end, start, end, … of each item element in `xml` */
    private readonly ranges: readonly number[],
    private readonly parseItem: (slice: string) => unknown,
  ) {}

  get length(): number {
    return this.ranges.length / 2;
  }

  /** Each item's content as the whole-document parse gives it ('' for an empty or nil item). Throws on bad XML. */
  *[Symbol.iterator](): Iterator<unknown> {
    for (let i = 0; i < this.ranges.length; i += 2)
      yield this.parseItem(this.xml.slice(this.ranges[i], this.ranges[i + 1]));
  }
}

export interface SplitAnswer {
  /** The text without the list items. */
  skeleton: string;
  lists: { path: string[]; item: string; ranges: number[] }[];
}

const GT = 62; // >
const SLASH = 47;
const QUOTE = 34;
const APOS = 39;

function isNameEnd(c: number): boolean {
  // whitespace, / or >
  return c === 32 || c === 9 || c === 10 || c === 13 || c === SLASH || c === GT;
}

/** The name without its prefix, as fast-xml-parser's removeNSPrefix gives it (only one ':' is a prefix). */
function localName(qualified: string): string {
  const colon = qualified.indexOf(':');
  if (colon < 0 || qualified.indexOf(':', colon + 1) >= 0) return qualified;
  return qualified.slice(colon + 1);
}

/** Where the tag opened at `at` ends (the index after its '>'), quotes respected; -1 if never. */
function tagEnd(xml: string, at: number): number {
  for (let i = at + 1; i < xml.length; i++) {
    const c = xml.charCodeAt(i);
    if (c === GT) return i + 1;
    if (c === QUOTE || c === APOS) {
      i = xml.indexOf(c === QUOTE ? '"' : "'", i + 1);
      if (i < 0) return -1;
    }
  }
  return -1;
}

/** The answer cut at the outermost elements named in `items`; undefined where the whole parse must decide. */
export function splitListItems(xml: string, items: ReadonlySet<string>): SplitAnswer | undefined {
  const stack: string[] = [];
  const lists = new Map<string, SplitAnswer['lists'][number]>();
  const pieces: string[] = [];
  let kept = 0; // text before this index is in pieces, or cut out
  let itemDepth = -1; // stack depth of the list item being skipped, -1 outside one
  let itemStart = 0;
  let at = xml.indexOf('<');
  while (at >= 0) {
    const next = xml.charCodeAt(at + 1);
    let end: number;
    if (next === 63 /* ? */) {
      end = xml.indexOf('?>', at + 2);
      if (end < 0) return undefined;
      end += 2;
    } else if (next === 33 /* ! */) {
      if (xml.startsWith('<!--', at)) end = xml.indexOf('-->', at + 4) + 3;
      else if (xml.startsWith('<![CDATA[', at)) end = xml.indexOf(']]>', at + 9) + 3;
      else return undefined; // DOCTYPE: entity declarations are the whole parser's business
      if (end < 3) return undefined;
    } else if (next === SLASH) {
      end = xml.indexOf('>', at + 2);
      if (end < 0) return undefined;
      end += 1;
      const name = xml.slice(at + 2, end - 1).trim();
      if (stack.pop() !== name) return undefined;
      if (stack.length === itemDepth) {
        lists.get(stack.join('/'))!.ranges.push(itemStart, end);
        itemDepth = -1;
        kept = end;
      }
    } else {
      end = tagEnd(xml, at);
      if (end < 0) return undefined;
      let n = at + 1;
      while (n < end && !isNameEnd(xml.charCodeAt(n))) n++;
      const name = xml.slice(at + 1, n);
      if (name === '') return undefined;
      const selfClosing = xml.charCodeAt(end - 2) === SLASH;
      if (itemDepth < 0 && items.has(localName(name))) {
        const path = stack.map(localName);
        const key = stack.join('/');
        const list = lists.get(key) ?? { path, item: localName(name), ranges: [] };
        if (list.item !== localName(name)) return undefined; // two kinds of item in one wrapper
        lists.set(key, list);
        pieces.push(xml.slice(kept, at));
        if (selfClosing) {
          list.ranges.push(at, end);
          kept = end;
        } else {
          itemDepth = stack.length;
          itemStart = at;
        }
      }
      if (!selfClosing) stack.push(name);
    }
    at = xml.indexOf('<', end);
  }
  if (stack.length > 0 || itemDepth >= 0) return undefined;
  pieces.push(xml.slice(kept));
  return { skeleton: pieces.join(''), lists: [...lists.values()] };
}
