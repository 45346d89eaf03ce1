import { describe, expect, it } from 'vitest';
import { chooseCoding, parseAcceptEncoding } from './content-coding.js';

const both = ['br', 'gzip'] as const;

describe(chooseCoding.name, () => {
  it('prefers br when the client accepts br and gzip equally', () => {
    expect(chooseCoding('gzip, deflate, br', both)).toBe('br');
    expect(chooseCoding('gzip, deflate, br, zstd', both)).toBe('br');
  });

  it('lets a higher q-value win over the server preference', () => {
    expect(chooseCoding('br;q=0.5, gzip', both)).toBe('gzip');
    expect(chooseCoding('br;q=0.5, gzip;q=0.8', both)).toBe('gzip');
  });

  it('never picks a coding refused with q=0', () => {
    expect(chooseCoding('br;q=0, gzip', both)).toBe('gzip');
    expect(chooseCoding('br;q=0, gzip;q=0', both)).toBeNull();
  });

  it('only picks codings whose variant exists', () => {
    expect(chooseCoding('br, gzip', ['gzip'])).toBe('gzip');
    expect(chooseCoding('br', ['gzip'])).toBeNull();
    expect(chooseCoding('br, gzip', [])).toBeNull();
  });

  it('sends the file as it is without an Accept-Encoding or with identity only', () => {
    expect(chooseCoding(undefined, both)).toBeNull();
    expect(chooseCoding('', both)).toBeNull();
    expect(chooseCoding('identity', both)).toBeNull();
  });

  it('reads * as every coding the header does not name', () => {
    expect(chooseCoding('*', both)).toBe('br');
    expect(chooseCoding('br;q=0, *', both)).toBe('gzip');
    expect(chooseCoding('*;q=0', both)).toBeNull();
  });

  it('is case-insensitive and understands x-gzip', () => {
    expect(chooseCoding('GZIP', both)).toBe('gzip');
    expect(chooseCoding('x-gzip', ['gzip'])).toBe('gzip');
    expect(chooseCoding('Br;Q=1', both)).toBe('br');
  });
});

describe(parseAcceptEncoding.name, () => {
  it('reads q-values with their default of 1', () => {
    expect(Object.fromEntries(parseAcceptEncoding('gzip;q=0.7, br, identity;q=0'))).toEqual({ gzip: 0.7, br: 1, identity: 0 });
  });

  it('ignores entries with a malformed q-value rather than guessing', () => {
    expect(Object.fromEntries(parseAcceptEncoding('br;q=2, gzip;q=abc, deflate;q=0.5'))).toEqual({ deflate: 0.5 });
  });
});
