import { describe, expect, it } from 'vitest';
import { DomainError } from '../kernel/index.js';
import { MAX_EVIDENCE_BYTES } from './cases.schemas.js';
import { checkContent, sha256Hex } from './content.js';

function fault(f: () => unknown): DomainError {
  try {
    f();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(32)]);

describe('evidence content', () => {
  it('hashes bodies and files with SHA-256', () => {
    const c = checkContent({ body: 'statement' });
    expect(c.sha256).toBe(sha256Hex(Buffer.from('statement')));
    expect(c.sha256).toMatch(/^[0-9a-f]{64}$/);
    const f = checkContent({ file: PDF.toString('base64'), contentType: 'application/pdf; name=x', fileName: 'report.pdf' });
    expect(f.contentType).toBe('application/pdf');
    expect(f.bytes.equals(PDF)).toBe(true);
  });

  it('refuses oversized files and bodies, naming the field', () => {
    const big = Buffer.alloc(MAX_EVIDENCE_BYTES + 1, 0x41);
    const e = fault(() => checkContent({ file: big.toString('base64'), contentType: 'text/plain', fileName: 'a.txt' }));
    expect([e.code, e.details.field]).toEqual(['CASES_CONTENT_TOO_LARGE', 'content.file']);
    const b = fault(() => checkContent({ body: 'x'.repeat(MAX_EVIDENCE_BYTES + 1) }, 'decision.content'));
    expect([b.code, b.details.field]).toEqual(['CASES_CONTENT_TOO_LARGE', 'decision.content.body']);
  });

  it('refuses content types off the list and files whose bytes are not their type', () => {
    const e = fault(() => checkContent({ file: Buffer.from('MZ').toString('base64'), contentType: 'application/x-msdownload', fileName: 'a.exe' }));
    expect([e.code, e.details.field]).toEqual(['CASES_CONTENT_TYPE', 'content.contentType']);
    const m = fault(() => checkContent({ file: Buffer.from('not a pdf').toString('base64'), contentType: 'application/pdf', fileName: 'a.pdf' }));
    expect(m.code).toBe('CASES_CONTENT_TYPE');
    const u = fault(() => checkContent({ file: Buffer.from([0xff, 0xfe, 0xfd]).toString('base64'), contentType: 'text/plain', fileName: 'a.txt' }));
    expect(u.code).toBe('CASES_CONTENT_TYPE');
  });

  it('refuses bad base64', () => {
    expect(fault(() => checkContent({ file: 'abc$', contentType: 'text/plain', fileName: 'a.txt' })).code).toBe('CASES_CONTENT_ENCODING');
  });
});
