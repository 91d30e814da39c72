import type { TComponent } from '../../../src/identity/identity.schemas.js';

const FLOORS: Readonly<Record<string, number>> = { face: 40, iris: 40 };
const LABELS: Readonly<Record<string, string>> = {
  'finger-1': 'R thumb', 'finger-2': 'R index', 'finger-3': 'R middle', 'finger-4': 'R ring', 'finger-5': 'R little',
  'finger-6': 'L thumb', 'finger-7': 'L index', 'finger-8': 'L middle', 'finger-9': 'L ring', 'finger-10': 'L little', face: 'Face', iris: 'Iris',
};

/** The label of a modality. */
export function modalityLabel(m: string): string {
  return LABELS[m] ?? m;
}

/** The quality of each captured template as a bar, with the floor below which a capture is refused. */
export function QualityBars({ templates, testId }: { templates: readonly { modality: string; quality: number }[]; testId?: string }) {
  const row = 16;
  const width = 260;
  const x0 = 70;
  const scale = (q: number) => x0 + (q / 100) * (width - x0 - 10);
  return (
    <svg className="quality-bars" role="img" aria-label="Template quality by modality" width={width} height={templates.length * row + 18} data-testid={testId}>
      {templates.map((t, i) => {
        const floor = FLOORS[t.modality] ?? 30;
        const below = t.quality < floor;
        return (
          <g key={t.modality} transform={`translate(0, ${i * row})`}>
            <text x={x0 - 6} y={12} textAnchor="end" fontSize="11">{modalityLabel(t.modality)}</text>
            <rect x={x0} y={3} width={scale(t.quality) - x0} height={10} className={below ? 'bar-bad' : 'bar-ok'} />
            <line x1={scale(floor)} x2={scale(floor)} y1={1} y2={15} className="floor-line" />
            <text x={scale(t.quality) + 3} y={12} fontSize="10">{t.quality}</text>
          </g>
        );
      })}
      <text x={x0} y={templates.length * row + 14} fontSize="10">quality 0–100; the mark is the floor</text>
    </svg>
  );
}

/** Each component's weight in the fused score: to the right for agreement, to the left against. */
export function ContributionChart({ components, threshold, score }: { components: readonly TComponent[]; threshold?: number; score: number }) {
  const row = 20;
  const width = 440;
  const mid = 200;
  const max = Math.max(4, ...components.map((c) => Math.abs(c.weight)));
  const px = (w: number) => (w / max) * 170;
  return (
    <svg className="contribution-chart" role="img" aria-label={`Score ${score.toFixed(1)} by component`} width={width} height={components.length * row + 22} data-testid="contributions">
      <line x1={mid} x2={mid} y1={0} y2={components.length * row} className="axis" />
      {components.map((c, i) => (
        <g key={c.name} transform={`translate(0, ${i * row})`}>
          <text x={4} y={14} fontSize="11">{c.name}</text>
          <rect x={c.weight >= 0 ? mid : mid + px(c.weight)} y={4} width={Math.abs(px(c.weight))} height={12} className={c.weight >= 0 ? 'bar-ok' : 'bar-bad'}>
            <title>{c.note}</title>
          </rect>
          <text x={c.weight >= 0 ? mid + px(c.weight) + 3 : mid + px(c.weight) - 3} y={14} fontSize="10" textAnchor={c.weight >= 0 ? 'start' : 'end'}>{c.weight >= 0 ? '+' : ''}{c.weight.toFixed(1)}</text>
        </g>
      ))}
      <text x={4} y={components.length * row + 16} fontSize="11">score {score.toFixed(1)}{threshold === undefined ? '' : ` (threshold ${threshold.toFixed(1)})`}</text>
    </svg>
  );
}
