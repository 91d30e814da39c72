import type { TEvidenceVersion } from '../../../src/cases/cases.schemas.js';
import { PortionMark } from '../common/PortionMark.js';
import './cases.css';

/** One evidence version: its portion mark on every paragraph, its content (text) or file facts, and its hash. */
export function VersionView({ v }: { v: TEvidenceVersion }) {
  return (
    <div className="version" data-testid={`version-${v.number}`} data-marking={v.marking}>
      <p><PortionMark marking={v.marking} /> <strong>Version {v.number}</strong> ({v.origin}){v.parent !== null ? `, from version ${v.parent}` : ''}: {v.description}</p>
      <p><PortionMark marking={v.marking} /> Source: {v.source}</p>
      <p><PortionMark marking={v.marking} /> Provenance: {v.provenance}</p>
      {v.body !== null ? (
        v.body.split(/\n\s*\n/).map((para) => para.trim()).filter(Boolean).map((para, i) => (
          <p key={i} className="version-body"><PortionMark marking={v.marking} /> {para}</p>
        ))
      ) : (
        <p><PortionMark marking={v.marking} /> File {v.fileName ?? '(unnamed)'}, {v.contentType}, {v.size} bytes</p>
      )}
      <p className="version-meta">SHA-256 {v.sha256} · added by {v.createdBy} on {v.createdAt.slice(0, 10)}</p>
    </div>
  );
}
