import type { Readable } from 'node:stream';
import { CliError } from '../ui/output.js';

/**
 * Reads a password piped on stdin (`echo "$PW" | ./admin user add … --password-stdin`): the whole
 * input, minus one trailing newline. Spaces are kept; a second line is refused as a likely mistake.
 */
export async function readPasswordFrom(input: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of input) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return passwordFromInput(Buffer.concat(chunks).toString('utf8'));
}

export function passwordFromInput(text: string): string {
  const password = text.replace(/\r?\n$/, '');
  if (password === '') throw new CliError('no password on stdin: pipe it in, e.g. printf %s "$PASSWORD" | ./admin user add … --password-stdin');
  if (/[\r\n]/.test(password)) throw new CliError('password: must be one line (stdin held more than one)');
  return password;
}
