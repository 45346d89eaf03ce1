import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { passwordFromInput, readPasswordFrom } from './read-password.js';

describe(passwordFromInput.name, () => {
  it('drops one trailing newline (LF or CRLF) and keeps every other character', () => {
    expect(passwordFromInput('longpassword1\n')).toBe('longpassword1');
    expect(passwordFromInput('longpassword1\r\n')).toBe('longpassword1');
    expect(passwordFromInput('  spaced pass  ')).toBe('  spaced pass  ');
  });

  it('refuses empty input and more than one line', () => {
    expect(() => passwordFromInput('')).toThrow('no password on stdin');
    expect(() => passwordFromInput('\n')).toThrow('no password on stdin');
    expect(() => passwordFromInput('first\nsecond\n')).toThrow('password: must be one line');
  });
});

describe(readPasswordFrom.name, () => {
  it('reads a stream to its end, however it is chunked', async () => {
    expect(await readPasswordFrom(Readable.from([Buffer.from('long'), Buffer.from('pass'), Buffer.from('word1\n')]))).toBe('longpassword1');
  });
});
