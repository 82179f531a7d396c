/**
 * A small reader of the e-Boekhouden WSDL (`../shared/eboekhouden/soap.wsdl`), for tests that
 * check SOAP requests and responses against it: element names, casing and order come from here.
 *
 *   wsdlChildren('cFactuur')        // the ordered children of a named complexType
 *   wsdlChildren('AddFactuur')      // … or of a top-level element (its inline complexType)
 *   wsdlEnum('enMutatieSoorten')    // the values of a simpleType enumeration
 *   wsdlViolations(xml, 'GetRelatiesResponse')  // unknown or out-of-order elements in a body
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { XMLParser } from 'fast-xml-parser';

/** `../shared/eboekhouden/` beside the clone (CI), or beside the worktrees' folder (a worktree under wt/). */
export const WSDL_PATH =
  ['../../../shared/eboekhouden/soap.wsdl', '../../../../shared/eboekhouden/soap.wsdl']
    .map((relative) => fileURLToPath(new URL(relative, import.meta.url)))
    .find((path) => existsSync(path)) ??
  fileURLToPath(new URL('../../../shared/eboekhouden/soap.wsdl', import.meta.url));

export interface WsdlChild {
  name: string;
  /** Local type name without prefix: 'string', 'long', 'dateTime', 'cFactuur', 'ArrayOfCFactuurRegel'…; 'anyType' when untyped. */
  type: string;
  /** True for XML Schema built-ins (s:string, s:long…) and untyped elements. */
  builtin: boolean;
  minOccurs: number;
  maxOccurs: number | 'unbounded';
  nillable: boolean;
}

interface Schema {
  /** complexType name → ordered children */
  types: Map<string, WsdlChild[]>;
  /** top-level element name → ordered children (inline complexType) or its named type */
  elements: Map<string, WsdlChild[] | string>;
  enums: Map<string, string[]>;
  /** simpleType names (enums): their elements carry text */
  simpleTypes: Set<string>;
}

type Node = Record<string, unknown>;
const asArray = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

let cached: Schema | undefined;

function schema(): Schema {
  if (cached) return cached;
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    removeNSPrefix: true,
    isArray: (name) => ['element', 'complexType', 'simpleType', 'enumeration', 'schema'].includes(name),
  });
  const doc = parser.parse(readFileSync(WSDL_PATH, 'utf8')) as Node;
  const definitions = doc.definitions as Node;
  const schemas = asArray((definitions.types as Node).schema as Node[]);
  const out: Schema = { types: new Map(), elements: new Map(), enums: new Map(), simpleTypes: new Set() };

  const children = (complexType: Node | undefined): WsdlChild[] => {
    if (!complexType) return [];
    const sequence = complexType.sequence as Node | undefined;
    return asArray(sequence?.element as Node[] | undefined).map((el) => {
      const rawType = (el['@type'] as string | undefined) ?? 's:anyType';
      const [prefix, local] = rawType.includes(':') ? rawType.split(':') : ['', rawType];
      const max = (el['@maxOccurs'] as string | undefined) ?? '1';
      return {
        name: el['@name'] as string,
        type: local!,
        builtin: prefix === 's' || !el['@type'],
        minOccurs: Number((el['@minOccurs'] as string | undefined) ?? '1'),
        maxOccurs: max === 'unbounded' ? 'unbounded' : Number(max),
        nillable: el['@nillable'] === 'true',
      };
    });
  };

  for (const s of schemas) {
    for (const ct of asArray(s.complexType as Node[] | undefined)) out.types.set(ct['@name'] as string, children(ct));
    for (const el of asArray(s.element as Node[] | undefined)) {
      const inline = asArray(el.complexType as Node[] | undefined)[0];
      const named = el['@type'] as string | undefined;
      out.elements.set(el['@name'] as string, inline ? children(inline) : (named ?? 's:anyType').split(':').pop()!);
    }
    for (const st of asArray(s.simpleType as Node[] | undefined)) {
      const name = st['@name'] as string;
      out.simpleTypes.add(name);
      const restriction = st.restriction as Node | undefined;
      out.enums.set(
        name,
        asArray(restriction?.enumeration as Node[] | undefined).map((e) => e['@value'] as string),
      );
    }
  }
  cached = out;
  return out;
}

/** Ordered child elements of a complexType name or a top-level element name. Throws when neither exists. */
export function wsdlChildren(name: string): WsdlChild[] {
  const s = schema();
  const type = s.types.get(name);
  if (type) return type;
  const element = s.elements.get(name);
  if (element === undefined) throw new Error(`soap.wsdl has no complexType or element named ${name}`);
  if (typeof element === 'string') return s.types.get(element) ?? [];
  return element;
}

/** Values of a simpleType enumeration (e.g. enMutatieSoorten, enOpenpostenSoort). */
export function wsdlEnum(name: string): string[] {
  const values = schema().enums.get(name);
  if (!values) throw new Error(`soap.wsdl has no simpleType named ${name}`);
  return values;
}

/** Names of the top-level elements (operations and their …Response). */
export function wsdlElementNames(): string[] {
  return [...schema().elements.keys()];
}

/** Whether a child's type has element children (a complexType) rather than text. */
export function isComplex(child: WsdlChild): boolean {
  return !child.builtin && schema().types.has(child.type);
}

/**
 * Checks a SOAP body element (or a whole envelope) against the WSDL, recursively: every element
 * must be a child the WSDL declares for its parent's type, children must appear in the WSDL's
 * order, and a child with maxOccurs 1 may not repeat. `rootElement` is the operation element
 * ("AddFactuur") or response element ("GetRelatiesResponse"); when omitted the first element
 * inside soap:Body is used. Returns human-readable problems; empty means valid.
 * Missing elements are not reported (use `wsdlMissing` for that).
 */
export function wsdlViolations(xml: string, rootElement?: string): string[] {
  const root = findBodyRoot(parseOrdered(xml));
  if (!root) return ['no element found in the SOAP body'];
  const name = tagName(root);
  const problems: string[] = [];
  if (rootElement && name !== rootElement) problems.push(`root is <${name}>, expected <${rootElement}>`);
  if (!schema().elements.has(name)) {
    problems.push(`<${name}> is not a top-level element of soap.wsdl`);
    return problems;
  }
  checkChildren(root, wsdlChildren(name), name, problems);
  return problems;
}

/** Elements with minOccurs ≥ 1 that the body leaves out, recursively (e.g. "AddFactuur/oFact/Datum"). */
export function wsdlMissing(xml: string): string[] {
  const root = findBodyRoot(parseOrdered(xml));
  if (!root) return ['no element found in the SOAP body'];
  const missing: string[] = [];
  const walk = (node: OrderedNode, expected: WsdlChild[], path: string) => {
    const kids = elementChildren(node);
    for (const child of expected) {
      const present = kids.filter((k) => tagName(k) === child.name);
      if (present.length === 0 && child.minOccurs >= 1) missing.push(`${path}/${child.name}`);
      if (isComplex(child)) for (const p of present) walk(p, wsdlChildren(child.type), `${path}/${child.name}`);
    }
  };
  const name = tagName(root);
  if (schema().elements.has(name)) walk(root, wsdlChildren(name), name);
  return missing;
}

type OrderedNode = Record<string, unknown>;

function parseOrdered(xml: string): OrderedNode[] {
  const parser = new XMLParser({
    preserveOrder: true,
    removeNSPrefix: true,
    ignoreAttributes: true,
    parseTagValue: false,
  });
  return parser.parse(xml) as OrderedNode[];
}

function tagName(node: OrderedNode): string {
  return Object.keys(node).find((k) => k !== ':@' && k !== '#text' && k !== '?xml') ?? '';
}

function elementChildren(node: OrderedNode): OrderedNode[] {
  const name = tagName(node);
  const kids = (node[name] as OrderedNode[] | undefined) ?? [];
  return kids.filter((k) => tagName(k) !== '');
}

function findBodyRoot(nodes: OrderedNode[]): OrderedNode | undefined {
  const top = nodes.filter((n) => tagName(n) !== '');
  const envelope = top.find((n) => tagName(n) === 'Envelope');
  if (!envelope) return top[0];
  const body = elementChildren(envelope).find((n) => tagName(n) === 'Body');
  return body ? elementChildren(body)[0] : undefined;
}

function checkChildren(node: OrderedNode, expected: WsdlChild[], path: string, problems: string[]): void {
  let lastIndex = -1;
  let lastName = '';
  for (const kid of elementChildren(node)) {
    const name = tagName(kid);
    const index = expected.findIndex((c) => c.name === name);
    if (index < 0) {
      problems.push(
        `${path}/${name} is not in soap.wsdl (expected one of ${expected.map((c) => c.name).join(', ') || 'no children'})`,
      );
      continue;
    }
    const child = expected[index]!;
    if (index < lastIndex) problems.push(`${path}/${name} comes after ${lastName}, but soap.wsdl puts it before`);
    if (index === lastIndex && child.maxOccurs !== 'unbounded')
      problems.push(`${path}/${name} repeats, but soap.wsdl allows it once`);
    lastIndex = Math.max(lastIndex, index);
    lastName = name;
    if (isComplex(child)) checkChildren(kid, wsdlChildren(child.type), `${path}/${name}`, problems);
    else if (elementChildren(kid).length > 0)
      problems.push(`${path}/${name} has child elements, but soap.wsdl types it ${child.type}`);
  }
}
