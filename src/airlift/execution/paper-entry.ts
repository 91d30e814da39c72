import { createHash } from 'node:crypto';
import { ZPaperEntryRequest, type TPaperEntryRequest, type TSyncResult } from '../execution.schemas.js';
import type { ExecCtx } from './custody-seam.js';
import { syncScans } from './reconcile.js';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A scan id fixed by what the tick says (sortie, kind, ISN): entering the same sheet twice stores each tick once. */
export function paperScanId(sortie: string, kind: string, isn: string): string {
  const h = createHash('sha256').update(`paper|${sortie}|${kind}|${isn}`).digest();
  let out = '';
  for (let i = 0; i < 26; i += 1) out += CROCKFORD[h[i]! % 32];
  return out;
}

/**
 * Enters a printed manifest back: each ticked ISN becomes a scan (source `paper`) of the sortie, judged and
 * reconciled like any other; a tick entered twice is stored once. Requires `airlift:execute`.
 */
export async function enterPaperManifest(cx: ExecCtx, sortieId: string, raw: TPaperEntryRequest): Promise<TSyncResult> {
  const input = ZPaperEntryRequest.parse(raw);
  const isns = [...new Set(input.ticked.map((t) => t.trim().toUpperCase()).filter((t) => t.length > 0))];
  return syncScans(cx, isns.map((isn) => ({
    id: paperScanId(sortieId, input.kind, isn), sortie: sortieId, kind: input.kind, code: isn, scannedAt: input.at, device: input.device, source: 'paper' as const,
  })));
}
