import { describe, expect, it } from 'vitest';
import { readCookie } from './http';

describe(readCookie.name, () => {
  it('finds a cookie by exact name and decodes it', () => {
    expect(readCookie('ms_csrf', 'a=1; ms_csrf=abc%2Fdef; ms_csrf_old=zzz')).toBe('abc/def');
    expect(readCookie('ms_csrf_old', 'ms_csrf=abc; ms_csrf_old=zzz')).toBe('zzz');
    expect(readCookie('ms_csrf', 'other=1')).toBeUndefined();
    expect(readCookie('ms_csrf', '')).toBeUndefined();
    expect(readCookie('ms_csrf', 'other=%E0%A4%A; ms_csrf=ok')).toBe('ok');
    expect(readCookie('bad', 'bad=%E0%A4%A')).toBe('%E0%A4%A');
  });
});
