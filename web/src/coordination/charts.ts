/** Pure geometry of the outcome charts (SVG in React, no chart library): scales and paths. */

export interface Point {
  at: string;
  value: number;
}

export interface Series {
  label: string;
  colour: string;
  points: readonly Point[];
}

/** Milliseconds of a day or an instant. */
function timeOf(at: string): number {
  return Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(at) ? `${at}T00:00:00Z` : at);
}

/** The time and value ranges of several series (the value range starts at 0). */
export function extent(series: readonly Series[]): { t0: number; t1: number; max: number } {
  const ts = series.flatMap((s) => s.points.map((p) => timeOf(p.at)));
  const vs = series.flatMap((s) => s.points.map((p) => p.value));
  const t0 = ts.length > 0 ? Math.min(...ts) : 0;
  const t1 = ts.length > 0 ? Math.max(...ts) : 1;
  return { t0, t1: t1 > t0 ? t1 : t0 + 86_400_000, max: Math.max(1, ...vs) };
}

/**
 * A step path of one series in a `w` × `h` box (y down): a count holds its value until the next point, as
 * the figures do (they change at events, not gradually).
 */
export function stepPath(points: readonly Point[], box: { w: number; h: number }, e: ReturnType<typeof extent>): string {
  if (points.length === 0) return '';
  const x = (at: string) => ((timeOf(at) - e.t0) / (e.t1 - e.t0)) * box.w;
  const y = (v: number) => box.h - (v / e.max) * box.h;
  const r = (n: number) => Math.round(n * 10) / 10;
  let d = `M${r(x(points[0]!.at))},${r(y(points[0]!.value))}`;
  for (let i = 1; i < points.length; i += 1) {
    const p = points[i]!;
    d += ` H${r(x(p.at))} V${r(y(p.value))}`;
  }
  return `${d} H${box.w}`;
}

/** Per-site rows from the movement figures (`movement.moved.<site>`, `movement.remaining.<site>`). */
export function siteRows(figures: readonly { key: string; label: string; value: number }[]): { site: string; label: string; moved: number | null; remaining: number | null }[] {
  const rows = new Map<string, { site: string; label: string; moved: number | null; remaining: number | null }>();
  for (const f of figures) {
    const m = /^movement\.(moved|remaining)\.(.+)$/.exec(f.key);
    if (!m) continue;
    const site = m[2]!;
    const row = rows.get(site) ?? { site, label: f.label.split(':')[0] ?? site, moved: null, remaining: null };
    if (m[1] === 'moved') row.moved = f.value;
    else row.remaining = f.value;
    rows.set(site, row);
  }
  return [...rows.values()];
}
