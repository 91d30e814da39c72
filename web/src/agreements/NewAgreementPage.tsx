import type { FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { REQUIRED_ASSURANCES, type TAgreementInput } from '../../../src/agreements/agreements.schemas.js';
import { humanize } from '../common/format.js';
import { useTitle } from '../common/use-title.js';
import { useCreateAgreement } from './api.js';
import './agreements.css';

/** `IRQ=300, SYR=50` → `{ IRQ: 300, SYR: 50 }` (anything else is left for the server to refuse, by field). */
export function quotasOf(text: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const part of text.split(',').map((s) => s.trim()).filter(Boolean)) {
    const [k = '', v = ''] = part.split('=').map((s) => s.trim());
    out[k.toUpperCase()] = Number(v);
  }
  return out;
}

/** A new agreement, recorded as a draft: parties, destination, dates, quotas, the three assurances. */
export function NewAgreementPage() {
  useTitle('New agreement');
  const create = useCreateAgreement();
  const navigate = useNavigate();
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const text = (k: string) => {
      const v = form.get(k);
      return typeof v === 'string' ? v.trim() : '';
    };
    const body: TAgreementInput = {
      code: text('code'), title: text('title'), holdingAgency: text('holding'), receivingAgency: text('receiving'), airliftAgency: text('airlift'),
      destination: text('destination'), validFrom: text('validFrom'), ...(text('validTo') ? { validTo: text('validTo') } : {}),
      ...(text('perDay') ? { perDay: Number(text('perDay')) } : {}), nationalityQuotas: quotasOf(text('quotas')),
      assurances: REQUIRED_ASSURANCES.filter((k) => text(k) !== '').map((k) => ({ kind: k, text: text(k) })), marking: text('marking'),
    };
    create.mutate(body, { onSuccess: (a) => void navigate(`/agreements/${encodeURIComponent(a.code)}`) });
  };
  return (
    <div className="page">
      <p className="breadcrumb"><Link to="/agreements">Agreements</Link> / New</p>
      <h1>New transfer agreement</h1>
      <form className="agreement-form" onSubmit={submit}>
        <label>Code<input name="code" required placeholder="TA-…" /></label>
        <label>Title<input name="title" required /></label>
        <label>Holding force (agency code)<input name="holding" defaultValue="HF" required /></label>
        <label>Receiving government (agency code)<input name="receiving" defaultValue="IRQ-CTS" required /></label>
        <label>Airlift command (agency code)<input name="airlift" defaultValue="JTF" required /></label>
        <label>Receiving facility<input name="destination" defaultValue="BIAP" required /></label>
        <label>Valid from<input name="validFrom" type="date" required /></label>
        <label>Valid to<input name="validTo" type="date" /></label>
        <label>Quota per day<input name="perDay" type="number" min={0} /></label>
        <label>Per nationality, per day<input name="quotas" placeholder="IRQ=300, SYR=50" /></label>
        {REQUIRED_ASSURANCES.map((k) => <label key={k}>{humanize(k)} (assurance)<input name={k} placeholder="the wording agreed" /></label>)}
        <label>Marking<input name="marking" defaultValue="C//REL TO IRQ, USA" required /></label>
        <button type="submit" disabled={create.isPending}>Record the draft</button>
        {create.isError && <p className="state state-error" role="alert">{create.error.message}</p>}
      </form>
    </div>
  );
}
