/** The bench's plain-text table: one row per figure, with its floor or target and the ratio. */
export interface Row {
  measure: string;
  value: string;
  floor?: string;
  /** value / floor (or / target); below 1 is better for times. */
  ratio?: number;
  target?: string;
  met?: boolean;
  note?: string;
}

export function formatTable(rows: Row[]): string {
  const head = ['Measure', 'Value', 'Floor', 'Ratio', 'Target', 'Met', 'Note'];
  const cells = rows.map((r) => [
    r.measure,
    r.value,
    r.floor ?? '',
    r.ratio === undefined ? '' : `${r.ratio.toFixed(2)}×`,
    r.target ?? '',
    r.met === undefined ? '' : r.met ? 'yes' : 'NO',
    r.note ?? '',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) =>
    c
      .map((x, i) => x.padEnd(widths[i]))
      .join(' | ')
      .trimEnd();
  return [line(head), widths.map((w) => '-'.repeat(w)).join('-|-'), ...cells.map(line)].join('\n');
}
