import { getTimes } from 'suncalc';
import { describe, expect, it } from 'vitest';
import { conditionFields, dailyWindows, daylightWindows, statedHours } from './condition-sources.js';

// How agreement conditions become the instance fields of extension rules x-2 … x-5.

const BIAP = { id: 'BIAP', lat: 33.26, lon: 44.23 };
const day = (iso: string) => Math.floor(Date.parse(iso) / 86_400_000);

describe('condition fields from agreements', () => {
  it('daylight: sunrise to sunset at the destination, one window per UTC day, whole seconds inside', () => {
    const w = daylightWindows(BIAP.lat, BIAP.lon, day('2027-01-05'), day('2027-01-07'));
    expect(w).toHaveLength(3);
    const sun = getTimes(new Date('2027-01-05T09:00:00Z'), BIAP.lat, BIAP.lon);
    expect(Date.parse(w[0]!.from) - sun.sunrise!.getTime()).toBeGreaterThanOrEqual(0);
    expect(Date.parse(w[0]!.from) - sun.sunrise!.getTime()).toBeLessThan(1000);
    expect(sun.sunset!.getTime() - Date.parse(w[0]!.until)).toBeLessThan(1000);
    // Early January near Baghdad: about 04:07 to 14:09 UTC.
    expect(w[0]!.from).toMatch(/^2027-01-05T04:0\d:\d\dZ$/);
    expect(w[0]!.until).toMatch(/^2027-01-05T14:(09|1\d):\d\dZ$/);
    // Polar night gives no window; polar day the whole day.
    expect(daylightWindows(78.2, 15.6, day('2027-01-05'), day('2027-01-05'))).toEqual([]);
    expect(daylightWindows(78.2, 15.6, day('2027-06-21'), day('2027-06-21'))).toEqual([{ from: '2027-06-21T00:00:00Z', until: '2027-06-22T00:00:00Z' }]);
  });

  it('reads stated hours from the wording, UTC unless it says local; past midnight when the end comes first', () => {
    expect(statedHours('Observer present 08:00-16:00 UTC')).toEqual({ spans: [[8, 16]], local: false });
    expect(statedHours('between 06:00 and 18:00 local time; also 20h00 to 22h30')).toEqual({ spans: [[6, 18], [20, 22.5]], local: true });
    expect(statedHours('The humanitarian observer attends arrivals.').spans).toEqual([]);
    const night = dailyWindows([[22, 2]], 0, day('2027-01-05'), day('2027-01-05'));
    expect(night).toContainEqual({ from: '2027-01-05T22:00:00Z', until: '2027-01-06T02:00:00Z' });
  });

  it('maps each condition kind to its rule; "other" and a notice without hours to check by hand', () => {
    const f = conditionFields([
      {
        code: 'TA-1', destination: 'BIAP', conditions: [
          { kind: 'daylight-arrivals', text: 'Daylight only.' },
          { kind: 'observer-present', text: 'The humanitarian observer attends arrivals.' },
          { kind: 'observer-present', text: 'Observer 07:00-09:00 local.' },
          { kind: 'medical-screening', text: 'Screening 10:00-12:00.' },
          { kind: 'manifest-notice-hours', text: 'Manifests 12 hours ahead.', value: 12 },
          { kind: 'manifest-notice-hours', text: 'Manifests 6 h ahead.' },
          { kind: 'manifest-notice-hours', text: 'Manifests well ahead.' },
          { kind: 'other', text: 'Families are told of each arrival.' },
        ],
      },
      { code: 'TA-ELSEWHERE', destination: 'NOWHERE', conditions: [{ kind: 'other', text: 'not for this instance' }] },
    ], [BIAP], { start: '2027-01-05T06:00:00Z', until: '2027-01-08T06:00:00Z' });
    expect(f['x-daylightWindows']).toHaveLength(1);
    // The day before the start to the day after the end: 4 Jan … 9 Jan.
    expect(f['x-daylightWindows']![0]!.windows).toHaveLength(6);
    // Default observer hours 06:00–18:00 at the nominal local time (UTC+3 at 44.23° E): 03:00–15:00 UTC.
    expect(f['x-observerWindows']![0]!.windows).toContainEqual({ from: '2027-01-05T03:00:00Z', until: '2027-01-05T15:00:00Z' });
    expect(f['x-observerWindows']![1]!.windows).toContainEqual({ from: '2027-01-05T04:00:00Z', until: '2027-01-05T06:00:00Z' });
    expect(f['x-screeningWindows']![0]).toMatchObject({ destination: 'BIAP', agreement: 'TA-1', text: 'Screening 10:00-12:00.' });
    expect(f['x-screeningWindows']![0]!.windows).toContainEqual({ from: '2027-01-05T10:00:00Z', until: '2027-01-05T12:00:00Z' });
    expect(f['x-manifestNotice']).toEqual([
      { destination: 'BIAP', agreement: 'TA-1', hours: 12, text: 'Manifests 12 hours ahead.' },
      { destination: 'BIAP', agreement: 'TA-1', hours: 6, text: 'Manifests 6 h ahead.' },
    ]);
    expect(f['x-conditionsByHand']).toEqual([
      { destination: 'BIAP', agreement: 'TA-1', kind: 'manifest-notice-hours', text: 'Manifests well ahead.', reason: 'no number of hours given' },
      { destination: 'BIAP', agreement: 'TA-1', kind: 'other', text: 'Families are told of each arrival.', reason: 'not machine-checkable' },
    ]);
    expect(conditionFields([{ code: 'TA-2', destination: 'BIAP', conditions: [] }], [BIAP], { start: '2027-01-05T06:00:00Z', until: '2027-01-08T06:00:00Z' })).toEqual({});
  });
});
