import type { TRiskFactor } from '../../../src/warning/warning.schemas.js';

/** Each factor's share of the log-hazard as a bar, with its input, weight and the hazard ratio it alone gives. */
export function FactorChart({ factors }: { factors: readonly TRiskFactor[] }) {
  const max = Math.max(0.5, ...factors.map((f) => f.contribution));
  return (
    <table className="data-table factor-table" data-testid="factor-table">
      <thead>
        <tr>
          <th scope="col">Factor</th>
          <th scope="col" className="num">Input</th>
          <th scope="col" className="num">Weight</th>
          <th scope="col">Contribution to the log-hazard</th>
          <th scope="col" className="num">Hazard ×</th>
        </tr>
      </thead>
      <tbody>
        {[...factors].sort((a, b) => b.contribution - a.contribution).map((f) => (
          <tr key={f.key}>
            <th scope="row">{f.label}</th>
            <td className="num">{f.input === null ? '–' : Number(f.input.toFixed(2))}</td>
            <td className="num">{f.weight.toFixed(2)}</td>
            <td>
              <span className="factor-bar-track" aria-hidden="true">
                <span className="factor-bar" style={{ width: `${Math.round((f.contribution / max) * 100)}%` }} />
              </span>{' '}
              {f.contribution.toFixed(2)}
            </td>
            <td className="num">{f.hazardRatio.toFixed(2)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
