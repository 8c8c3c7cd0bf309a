/**
 * The stdout report: per dataset one row per metric, one column per adapter, and a `target` column with the
 * targets of issue 3 (checked against the clearpage column: "ok" or "MISS").
 */
import type { AdapterSummary, DatasetSummary, Rate } from './aggregate.js';
import type { AdapterName } from './names.js';

type Pick = (s: AdapterSummary) => string | undefined;

interface Target {
  text: string;
  /** Whether Clearpage's summary meets it; undefined when it cannot say. */
  met: (s: AdapterSummary) => boolean | undefined;
}

interface Row {
  label: string;
  cell: Pick;
  target?: Target;
}

const num = (v: number | undefined, digits = 3) => (v === undefined || Number.isNaN(v) ? '–' : v.toFixed(digits));
const withStd = (v: number, sd: number) => `${num(v)} ±${num(sd)}`;
const pct = (r: Rate | undefined) => (r === undefined ? undefined : r.n === 0 ? '–' : `${(r.rate * 100).toFixed(1)}% (${r.hits}/${r.n})`);
const ms = (v: number | undefined) => (v === undefined || Number.isNaN(v) ? '–' : v.toFixed(1));
const times = (v: number | undefined) => (v === undefined || Number.isNaN(v) ? '–' : `${v.toFixed(2)}×`);

function atLeast(text: string, value: (s: AdapterSummary) => number | undefined, min: number): Target {
  return { text: `≥ ${text}`, met: (s) => (value(s) === undefined || Number.isNaN(value(s)) ? undefined : (value(s) as number) >= min - 1e-12) };
}
function atMost(text: string, value: (s: AdapterSummary) => number | undefined, max: number): Target {
  return { text: `≤ ${text}`, met: (s) => (value(s) === undefined || Number.isNaN(value(s)) ? undefined : (value(s) as number) <= max + 1e-12) };
}

function bodyRows(name: string, targets: { f1?: number; precision?: number; recall?: number }): Row[] {
  const row = (key: 'f1' | 'precision' | 'recall'): Row => {
    const min = targets[key];
    const r: Row = { label: `${name} ${key === 'f1' ? 'F1' : key}`, cell: (s) => s.body && withStd(s.body[key], s.body.std[key]) };
    if (min !== undefined) r.target = atLeast(min.toFixed(3), (s) => s.body?.[key], min);
    return r;
  };
  return [
    row('f1'),
    row('precision'),
    row('recall'),
    { label: `${name} accuracy (exact tokens)`, cell: (s) => s.body && withStd(s.body.accuracy, s.body.std.accuracy) },
  ];
}

function metadataRows(targets: { bylineExact?: number; publishedDay?: number }): Row[] {
  const rows: Row[] = [
    { label: 'title exact', cell: (s) => pct(s.titleExact) },
    { label: 'title normalized', cell: (s) => pct(s.titleNormalized) },
    { label: 'byline exact', cell: (s) => pct(s.bylineExact) },
    { label: 'byline contains', cell: (s) => pct(s.bylineContains) },
    { label: 'published day', cell: (s) => pct(s.publishedDay) },
  ];
  if (targets.bylineExact !== undefined)
    (rows[2] as Row).target = atLeast(`${targets.bylineExact * 100}%`, (s) => s.bylineExact?.rate, targets.bylineExact);
  if (targets.publishedDay !== undefined)
    (rows[4] as Row).target = atLeast(`${targets.publishedDay * 100}%`, (s) => s.publishedDay?.rate, targets.publishedDay);
  return rows;
}

function speedRows(targets: boolean): Row[] {
  return [
    { label: 'extract ms median', cell: (s) => ms(s.speed.median) },
    { label: 'extract ms p95', cell: (s) => ms(s.speed.p95) },
    { label: 'extract ms max', cell: (s) => ms(s.speed.max) },
    {
      label: '× readability: median / median',
      cell: (s) => times(s.ratios?.medianRatio),
      ...(targets ? { target: atMost('1.0×', (s) => s.ratios?.medianRatio, 1.0) } : {}),
    },
    {
      label: '× readability: p95 / p95',
      cell: (s) => times(s.ratios?.p95Ratio),
      ...(targets ? { target: atMost('1.2×', (s) => s.ratios?.p95Ratio, 1.2) } : {}),
    },
    { label: '× readability: median per-page ratio', cell: (s) => times(s.ratios?.perPageMedianRatio) },
    { label: 'detect ms median', cell: (s) => (s.detect ? ms(s.detect.median) : undefined) },
    { label: 'detect ms p95', cell: (s) => (s.detect ? ms(s.detect.p95) : undefined) },
    { label: 'detect × readability: median / p95', cell: (s) => s.detectRatios && `${times(s.detectRatios.medianRatio)} / ${times(s.detectRatios.p95Ratio)}` },
  ];
}

const COMMON: Row[] = [
  { label: 'pages', cell: (s) => String(s.pages) },
  { label: 'errors (counted as empty)', cell: (s) => String(s.errors) },
  { label: 'empty output', cell: (s) => String(s.emptyOutput) },
];

/** Rows of each section; `all` is the speed over every corpus page of the run. */
export function rowsFor(section: string): Row[] {
  switch (section) {
    case 'zyte':
      return [...COMMON, ...bodyRows('body', { f1: 0.975, precision: 0.965, recall: 0.98 }), ...speedRows(false)];
    case 'trafilatura':
      return [
        ...COMMON,
        { label: 'snippet F1', cell: (s) => num(s.snippets?.f1), target: atLeast('0.940', (s) => s.snippets?.f1, 0.94) },
        { label: 'snippet precision', cell: (s) => num(s.snippets?.precision), target: atLeast('0.930', (s) => s.snippets?.precision, 0.93) },
        { label: 'snippet recall', cell: (s) => num(s.snippets?.recall) },
        { label: 'snippet accuracy', cell: (s) => num(s.snippets?.accuracy) },
        { label: 'snippets TP / FP / FN / TN', cell: (s) => s.snippets && `${s.snippets.tp}/${s.snippets.fp}/${s.snippets.fn}/${s.snippets.tn}` },
        { label: 'comment snippets leaked', cell: (s) => pct(s.comments?.snippets), target: atMost('0.5%', (s) => s.comments?.snippets.rate, 0.005) },
        { label: 'pages leaking comments', cell: (s) => pct(s.comments?.pages) },
        ...metadataRows({ bylineExact: 0.85, publishedDay: 0.85 }),
        ...speedRows(false),
      ];
    case 'readability-tests':
      return [
        ...COMMON,
        ...bodyRows('body agreement', { f1: 0.97 }),
        { label: 'readerable agreement', cell: (s) => pct(s.readerable), target: atLeast('95%', (s) => s.readerable?.rate, 0.95) },
        ...metadataRows({}),
        ...speedRows(false),
      ];
    case 'fixtures':
      return [
        ...COMMON,
        {
          label: 'fixtures passing',
          cell: (s) =>
            s.fixtures &&
            `${s.fixtures.passed} of ${s.fixtures.total}${s.fixtures.notApplicable.length ? ` (${s.fixtures.notApplicable.length} n/a)` : ''}`,
          target: { text: 'all', met: (s) => (s.fixtures ? s.fixtures.passed === s.fixtures.total : undefined) },
        },
        { label: 'body F1 vs bodyText (info)', cell: (s) => s.body && num(s.body.f1) },
        ...speedRows(false),
      ];
    default:
      return [{ label: 'pages', cell: (s) => String(s.pages) }, ...speedRows(true)];
  }
}

export function formatSection(title: string, section: string, summary: DatasetSummary, adapters: readonly AdapterName[]): string {
  const header = ['metric', ...adapters, 'target'];
  const lines: string[][] = [];
  for (const row of rowsFor(section)) {
    const cells = adapters.map((a) => {
      const s = summary[a];
      return (s && row.cell(s)) ?? '–';
    });
    if (cells.every((c) => c === '–')) continue;
    let target = '';
    if (row.target) {
      const cp = summary.clearpage;
      const met = cp ? row.target.met(cp) : undefined;
      target = `${row.target.text}${met === undefined ? '' : met ? '  ok' : '  MISS'}`;
    }
    lines.push([row.label, ...cells, target]);
  }
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] as string).length)));
  const fmt = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 || i === cells.length - 1 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number)))
      .join('  ')
      .trimEnd();
  const rule = '-'.repeat(widths.reduce((a, b) => a + b + 2, -2));
  const out = [`## ${title}`, fmt(header), rule, ...lines.map(fmt)];
  for (const a of adapters) {
    const failed = summary[a]?.fixtures?.failed ?? [];
    for (const f of failed) out.push(`  ${a} FAIL ${f.id}: ${f.reasons.join('; ')}`);
  }
  return out.join('\n');
}
