import jsQR from 'jsqr';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { parseWristband, ZSyncResult, type TSyncResult } from '../../../src/airlift/execution.schemas.js';
import { api, ApiError } from '../api/client.js';
import { useShownMarkings } from '../banner/BannerContext.js';
import { loginPath } from '../auth/session.js';
import { useTitle } from '../common/use-title.js';
import { dequeue, enqueue, queued, scanUlid } from './queue.js';

type Outcome = TSyncResult['results'][number];

/** Installs the scan page as an offline web app: its manifest and its service worker. */
function useInstallable(): void {
  useEffect(() => {
    if (!document.querySelector('link[rel="manifest"]')) {
      const link = document.createElement('link');
      link.rel = 'manifest';
      link.href = '/scan.webmanifest';
      document.head.appendChild(link);
    }
    if ('serviceWorker' in navigator) void navigator.serviceWorker.register('/scan-sw.js', { scope: '/' }).catch(() => undefined);
  }, []);
}

/** Reads QR codes from the camera: a frame every 250 ms through jsQR. */
function Camera({ onCode }: { onCode: (text: string) => void }) {
  const video = useRef<HTMLVideoElement>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let stream: MediaStream | null = null;
    let timer = 0;
    const canvas = document.createElement('canvas');
    void navigator.mediaDevices?.getUserMedia({ video: { facingMode: 'environment' } }).then((s) => {
      stream = s;
      const v = video.current;
      if (!v) return;
      v.srcObject = s;
      void v.play();
      timer = window.setInterval(() => {
        if (v.videoWidth === 0) return;
        canvas.width = v.videoWidth;
        canvas.height = v.videoHeight;
        const g = canvas.getContext('2d', { willReadFrequently: true });
        if (!g) return;
        g.drawImage(v, 0, 0);
        const img = g.getImageData(0, 0, canvas.width, canvas.height);
        const code = jsQR(img.data, img.width, img.height, { inversionAttempts: 'dontInvert' });
        if (code?.data) onCode(code.data);
      }, 250);
    }).catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
    return () => {
      window.clearInterval(timer);
      stream?.getTracks().forEach((t) => t.stop());
    };
  }, [onCode]);
  return error ? <p role="alert">Camera unavailable: {error}. Use a handheld scanner or type the code.</p> : <video ref={video} className="scan-video" muted playsInline aria-label="camera" />;
}

/**
 * The scan page: a wristband read by the camera or a handheld scanner (keyboard wedge: it types the code and
 * Enter) is checked (check character), queued locally, and synced whenever the link is up. What the server
 * decides — recorded, held, the discrepancy raised — is shown for each scan, so a person sees every conflict.
 */
export function ScanPage() {
  useTitle('Scan wristbands');
  useInstallable();
  const [params] = useSearchParams();
  const [sortie, setSortie] = useState(params.get('sortie') ?? '');
  const [kind, setKind] = useState<'board' | 'arrive'>('board');
  const [device] = useState(() => localStorage.getItem('sallyport-device') ?? (() => { const d = `scanner-${scanUlid().slice(-6)}`; localStorage.setItem('sallyport-device', d); return d; })());
  const [wedge, setWedge] = useState('');
  const [camera, setCamera] = useState(false);
  const [pending, setPending] = useState(0);
  const [online, setOnline] = useState(navigator.onLine);
  const [log, setLog] = useState<{ text: string; tone: 'ok' | 'warn' | 'bad'; marking?: string }[]>([]);
  const [signedOut, setSignedOut] = useState(false);
  useShownMarkings(log.flatMap((l) => (l.marking ? [l.marking] : [])));
  const last = useRef<{ code: string; at: number } | null>(null);
  const syncing = useRef(false);

  const note = (text: string, tone: 'ok' | 'warn' | 'bad', marking?: string) => setLog((l) => [{ text, tone, ...(marking ? { marking } : {}) }, ...l].slice(0, 50));
  const refresh = useCallback(async () => setPending((await queued()).length), []);

  const sync = useCallback(async () => {
    if (syncing.current) return;
    syncing.current = true;
    try {
      for (;;) {
        const batch = (await queued()).slice(0, 100);
        if (batch.length === 0) break;
        const scans = batch.map(({ queuedAt: _q, ...s }) => s);
        const res = await api('/api/airlift/scans/sync', ZSyncResult, { method: 'POST', body: { scans } });
        setOnline(true);
        setSignedOut(false);
        res.results.forEach((r: Outcome) => {
          if ('error' in r) note(`${r.id.slice(-6)}: refused — ${r.error}`, 'bad');
          else note(`${r.isn}: ${r.applied ? (r.kind === 'board' ? 'boarded' : 'arrived') : 'held'}${r.discrepancy ? ` — DISCREPANCY: ${r.discrepancy}` : ''}${r.replayed ? ' (already synced)' : ''}`, r.discrepancy ? 'warn' : 'ok', r.marking);
        });
        await dequeue(res.results.map((r) => r.id));
      }
    } catch (e) {
      if (e instanceof ApiError && e.status === 0) setOnline(false);
      else if (e instanceof ApiError && e.status === 401) setSignedOut(true); // the queue stays until someone logs in again
      else if (e instanceof ApiError) note(`sync refused: ${e.message}`, 'bad');
    } finally {
      syncing.current = false;
      await refresh();
    }
  }, [refresh]);

  useEffect(() => {
    const first = window.setTimeout(() => void sync(), 0); // what an earlier visit left queued
    const up = () => { setOnline(true); void sync(); };
    const down = () => setOnline(false);
    window.addEventListener('online', up);
    window.addEventListener('offline', down);
    const timer = window.setInterval(() => void sync(), 5000);
    return () => { window.clearTimeout(first); window.removeEventListener('online', up); window.removeEventListener('offline', down); window.clearInterval(timer); };
  }, [sync]);

  const take = useCallback(async (text: string) => {
    const code = text.trim().toUpperCase();
    if (last.current && last.current.code === code && Date.now() - last.current.at < 3000) return; // the camera sees one band many times
    last.current = { code, at: Date.now() };
    const w = parseWristband(code);
    if ('error' in w) { note(`${code}: ${w.error}`, 'bad'); return; }
    if (sortie.trim() === '') { note('choose the sortie first', 'bad'); return; }
    await enqueue({ id: scanUlid(), sortie: sortie.trim(), kind, code, scannedAt: new Date().toISOString(), device, source: camera ? 'camera' : 'wedge', queuedAt: new Date().toISOString() });
    note(`${w.isn}: queued`, 'ok');
    await refresh();
    void sync();
  }, [sortie, kind, device, camera, refresh, sync]);

  return (
    <div className="page scan-page">
      <h1>Scan wristbands</h1>
      <p className={online ? 'ok' : 'warn'} role="status" data-testid="link-state">{online ? 'Link up' : 'No link: scans are kept on this device and sent when the link returns'} · {pending} waiting to sync · device {device}</p>
      {signedOut ? <p role="alert">The session has ended: scans stay on this device. <a href={loginPath('/airlift/scan')}>Log in again</a> to send them.</p> : null}
      <p><a href="/airlift">Airlift plans</a></p>
      <form onSubmit={(e) => e.preventDefault()}>
        <label>Sortie id <input value={sortie} onChange={(e) => setSortie(e.target.value)} data-testid="scan-sortie" size={28} /></label>{' '}
        <label>At <select value={kind} onChange={(e) => setKind(e.target.value as 'board' | 'arrive')} data-testid="scan-kind"><option value="board">boarding</option><option value="arrive">arrival</option></select></label>
      </form>
      <form onSubmit={(e) => { e.preventDefault(); void take(wedge); setWedge(''); }}>
        <label>Scanner input <input value={wedge} onChange={(e) => setWedge(e.target.value)} autoFocus placeholder="scan or type SP-SY-000123-X, then Enter" data-testid="scan-input" size={32} /></label>
      </form>
      <p><label><input type="checkbox" checked={camera} onChange={(e) => setCamera(e.target.checked)} /> Use the camera</label></p>
      {camera ? <Camera onCode={(t) => void take(t)} /> : null}
      <ol className="scan-log" data-testid="scan-log">{log.map((l, i) => <li key={i} className={l.tone}>{l.marking ? `(${l.marking}) ` : ''}{l.text}</li>)}</ol>
    </div>
  );
}
