import { useState, type ChangeEvent, type FormEvent } from 'react';
import { Link } from 'react-router';
import { z } from 'zod';
import { ZTemplateInput, type TEnrollResult, type TTemplateInput } from '../../../src/identity/identity.schemas.js';
import { ApiError } from '../api/client.js';
import { useShownMarkings } from '../banner/BannerContext.js';
import { countryOptions } from '../common/format.js';
import { PortionMark } from '../common/PortionMark.js';
import { useTitle } from '../common/use-title.js';
import { useEnroll } from './api.js';
import { QualityBars } from './Charts.js';

const ZCaptureFile = z.array(ZTemplateInput).min(1).max(12);

/**
 * The enrollment form: who, where, the names as given (the Arabic name typed right to left), birth,
 * nationality, and the templates from the capture station's file. A capture under the quality floor comes back
 * refused with the finger or modality to re-capture.
 */
export function EnrollPage() {
  useTitle('Enroll');
  const enroll = useEnroll();
  const [form, setForm] = useState({ isn: '', officer: '', station: '', nameLatin: '', nameAr: '', aliases: '', birthDate: '', birthPlace: '', nationality: '' });
  const [templates, setTemplates] = useState<TTemplateInput[]>([]);
  const [fileError, setFileError] = useState<string | null>(null);
  const [done, setDone] = useState<TEnrollResult | null>(null);
  useShownMarkings(done ? [done.enrollment.marking] : []);
  const set = (k: keyof typeof form) => (e: ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setForm({ ...form, [k]: e.target.value });
  const load = async (e: ChangeEvent<HTMLInputElement>) => {
    const f = e.target.files?.[0];
    if (!f) return;
    try {
      const parsed = ZCaptureFile.safeParse(JSON.parse(await f.text()));
      if (!parsed.success) throw new Error(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
      setTemplates(parsed.data);
      setFileError(null);
    } catch (err) {
      setTemplates([]);
      setFileError(`The capture file cannot be used: ${(err as Error).message}`);
    }
  };
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setDone(null);
    const opt = (s: string) => (s.trim() === '' ? null : s.trim());
    enroll.mutate(
      {
        isn: form.isn.trim(), officer: form.officer.trim(), station: form.station.trim(), templates,
        descriptive: {
          nameLatin: opt(form.nameLatin), nameAr: opt(form.nameAr), aliases: form.aliases.split('\n').map((a) => a.trim()).filter(Boolean),
          birthDate: opt(form.birthDate), birthPlace: opt(form.birthPlace), nationality: opt(form.nationality),
        },
      },
      { onSuccess: setDone },
    );
  };
  const err = enroll.error instanceof ApiError ? enroll.error : null;
  return (
    <article className="page" aria-labelledby="enroll-title">
      <p className="breadcrumb"><Link to="/identity">Adjudication queue</Link></p>
      <h1 id="enroll-title">Enroll an encounter</h1>
      <form onSubmit={submit} className="enroll-form">
        <label>ISN <input name="isn" value={form.isn} onChange={set('isn')} required placeholder="SP-SY-000123" /></label>
        <label>Officer <input name="officer" value={form.officer} onChange={set('officer')} required /></label>
        <label>Station <input name="station" value={form.station} onChange={set('station')} required /></label>
        <label>Name (Latin letters) <input name="nameLatin" value={form.nameLatin} onChange={set('nameLatin')} dir="ltr" /></label>
        <label>Name (Arabic script) <input name="nameAr" value={form.nameAr} onChange={set('nameAr')} dir="rtl" lang="ar" className="arabic" /></label>
        <label>Other names, one a line <textarea name="aliases" value={form.aliases} onChange={(e) => setForm({ ...form, aliases: e.target.value })} dir="auto" /></label>
        <label>Date of birth <input name="birthDate" type="date" value={form.birthDate} onChange={set('birthDate')} /></label>
        <label>Place of birth <input name="birthPlace" value={form.birthPlace} onChange={set('birthPlace')} dir="auto" /></label>
        <label>Nationality claimed
          <select name="nationality" value={form.nationality} onChange={set('nationality')}>
            <option value="">—</option>
            {countryOptions().map((c) => <option key={c.code} value={c.code}>{c.name}</option>)}
          </select>
        </label>
        <label>Capture file (templates from the station) <input name="capture" type="file" accept="application/json" onChange={(e) => void load(e)} /></label>
        {fileError ? <p role="alert" className="error">{fileError}</p> : null}
        {templates.length > 0 ? <QualityBars templates={templates} testId="capture-quality" /> : null}
        {err ? <p role="alert" className="error" data-testid="enroll-error">{err.message}</p> : null}
        <button type="submit" disabled={enroll.isPending || templates.length === 0}>{enroll.isPending ? 'Enrolling…' : 'Enroll'}</button>
      </form>
      {done ? (
        <p role="status" data-testid="enrolled"><PortionMark marking={done.enrollment.marking} /> Enrolled {done.enrollment.id} for <Link to={`/identity/detainees/${encodeURIComponent(done.enrollment.isn)}`}>{done.enrollment.isn}</Link>; {done.candidates} candidate pairs queued.</p>
      ) : null}
    </article>
  );
}
