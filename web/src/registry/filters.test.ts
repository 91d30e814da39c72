import { describe, expect, it } from 'vitest';
import { detaineesUrl, filtersFromParams, hasFilters, paramsFromFilters } from './filters.js';

describe('detainee list filters', () => {
  it('read the URL query string, dropping values the API would refuse', () => {
    const p = new URLSearchParams('facility=ghw&nationality=tun&riskTier=high&status=in-transit&search=%20Mohammed%20&x=1');
    expect(filtersFromParams(p)).toEqual({ facility: 'GHW', nationality: 'TUN', riskTier: 'high', status: 'in-transit', search: 'Mohammed' });
    expect(filtersFromParams(new URLSearchParams('riskTier=extreme&status=lost&facility=a b&nationality=TUNISIA&search=%20'))).toEqual({});
  });

  it('write a query string with empty filters left out, in a fixed order', () => {
    expect(paramsFromFilters({ status: 'held', search: 'محمد', facility: 'GHW', nationality: '' }).toString())
      .toBe('search=%D9%85%D8%AD%D9%85%D8%AF&facility=GHW&status=held');
    expect(paramsFromFilters({}).toString()).toBe('');
  });

  it('round-trip through the URL', () => {
    const f = { facility: 'PAN', nationality: 'IRQ', riskTier: 'critical' as const, status: 'held' as const, search: 'SP-SY-000123' };
    expect(filtersFromParams(paramsFromFilters(f))).toEqual(f);
  });

  it('map to the API call for one page, with the cursor when there is one', () => {
    expect(detaineesUrl({ riskTier: 'high' }, { limit: 200 })).toBe('/api/detainees?riskTier=high&limit=200');
    expect(detaineesUrl({ search: 'أحمد' }, { cursor: 'abc', limit: 1 })).toBe('/api/detainees?search=%D8%A3%D8%AD%D9%85%D8%AF&cursor=abc&limit=1');
    expect(detaineesUrl({ status: 'held' }, { offset: 400, limit: 200 })).toBe('/api/detainees?status=held&offset=400&limit=200');
    expect(detaineesUrl({}, { offset: 0, limit: 200 })).toBe('/api/detainees?limit=200');
  });

  it('say whether any filter is set', () => {
    expect(hasFilters({})).toBe(false);
    expect(hasFilters({ search: '' })).toBe(false);
    expect(hasFilters({ status: 'held' })).toBe(true);
  });
});
