/** Typed reading of a request element's fields, with the errors ASMX gives for unreadable values. */
import { SoapReadError, TNS, XSI_NS, type XNode } from './xml-read';

const LONG = /^\s*[+-]?\d{1,19}\s*$/;
const DECIMAL = /^\s*[+-]?(\d+(\.\d*)?|\.\d+)\s*$/;
const DOUBLE = /^\s*([+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?|-?INF|NaN)\s*$/;
const BOOLEAN = /^\s*(true|false|1|0)\s*$/;
const DATE_TIME = /^\s*(\d{4})-(\d{2})-(\d{2})(T(\d{2}):(\d{2}):(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?\s*$/;

function notReadable(name: string, detail: string): SoapReadError {
  return new SoapReadError(
    `Server was unable to read request. ---> There is an error in XML document. ---> ${detail} (element ${name})`,
  );
}

/**
 * Typed access to the children of one request element, the way XmlSerializer reads them:
 * only children in the e-Boekhouden namespace count (an unqualified child is an unknown
 * element and ignored), a missing child gets its type's default, and a present child that
 * does not parse as its type (an empty `<ID></ID>`, `1,5` for a decimal) is a fault.
 */
export class Fields {
  constructor(readonly node: XNode | undefined) {}

  private find(name: string): XNode | undefined {
    return this.node?.children.find((n) => n.name === name && n.ns === TNS);
  }

  private value(name: string): string | undefined {
    const n = this.find(name);
    if (!n || isNil(n)) return undefined;
    return n.text;
  }

  has(name: string): boolean {
    const n = this.find(name);
    return n !== undefined && !isNil(n);
  }

  str(name: string): string {
    return this.value(name) ?? '';
  }

  long(name: string): number {
    const v = this.value(name);
    if (v === undefined) return 0;
    if (!LONG.test(v)) throw notReadable(name, 'Input string was not in a correct format.');
    return Number(v.trim());
  }

  decimal(name: string): number {
    const v = this.value(name);
    if (v === undefined) return 0;
    if (!DECIMAL.test(v)) throw notReadable(name, 'Input string was not in a correct format.');
    return Number(v.trim());
  }

  double(name: string): number {
    const v = this.value(name);
    if (v === undefined) return 0;
    if (!DOUBLE.test(v)) throw notReadable(name, 'Input string was not in a correct format.');
    const t = v.trim();
    return t === 'INF' ? Infinity : t === '-INF' ? -Infinity : Number(t);
  }

  bool(name: string): boolean {
    const v = this.value(name);
    if (v === undefined) return false;
    const m = BOOLEAN.exec(v);
    if (!m) throw notReadable(name, `The string '${v}' is not a valid Boolean value.`);
    return m[1] === 'true' || m[1] === '1';
  }

  /** YYYY-MM-DD, or null when absent or xsi:nil (DateTime.MinValue / null on the server). */
  date(name: string): string | null {
    const v = this.value(name);
    if (v === undefined) return null;
    const m = DATE_TIME.exec(v);
    if (!m || !validDate(+m[1], +m[2], +m[3]))
      throw notReadable(name, `The string '${v}' is not a valid AllXsd value.`);
    return `${m[1]}-${m[2]}-${m[3]}`;
  }

  /** An enumeration: absent gives the first value (the enum's default), an unknown value is a fault. */
  enumeration<T extends string>(name: string, values: readonly T[], typeName: string): T {
    const v = this.value(name);
    if (v === undefined) return values[0];
    const found = values.find((x) => x === v.trim());
    if (!found) throw notReadable(name, `Instance validation error: '${v}' is not a valid value for ${typeName}.`);
    return found;
  }

  child(name: string): Fields | undefined {
    const n = this.find(name);
    return n && !isNil(n) ? new Fields(n) : undefined;
  }

  /** Items of an ArrayOfX child; nil items are skipped, as XmlSerializer gives null entries. */
  items(name: string, itemName: string): Fields[] {
    const wrapper = this.find(name);
    if (!wrapper || isNil(wrapper)) return [];
    return wrapper.children.filter((n) => n.name === itemName && n.ns === TNS && !isNil(n)).map((n) => new Fields(n));
  }
}

function isNil(n: XNode): boolean {
  const v = n.attrs[`{${XSI_NS}}nil`];
  return v === 'true' || v === '1';
}

function validDate(y: number, m: number, d: number): boolean {
  if (y < 1 || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}
