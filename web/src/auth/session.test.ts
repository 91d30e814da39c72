import { describe, expect, it } from 'vitest';
import { loginPath, nextPath } from './session.js';

describe('the return address after login', () => {
  it('goes back to the page the user asked for', () => {
    expect(nextPath(`?next=${encodeURIComponent('/detainees?status=held')}`)).toBe('/detainees?status=held');
    expect(loginPath('/facilities/GHW')).toBe('/login?next=%2Ffacilities%2FGHW');
    expect(nextPath(loginPath('/facilities/GHW').slice('/login'.length))).toBe('/facilities/GHW');
  });

  it('never leaves the app, and never loops back to the login page', () => {
    for (const bad of ['//evil.example/x', '/\\evil.example', 'https://evil.example', 'javascript:alert(1)', '/login?next=/x', '']) {
      expect(nextPath(`?next=${encodeURIComponent(bad)}`)).toBe('/');
    }
    expect(nextPath('')).toBe('/');
    expect(loginPath('/')).toBe('/login');
  });
});
