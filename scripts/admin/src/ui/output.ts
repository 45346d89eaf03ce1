/** Human output of the CLI: results on stdout, progress and problems on stderr, colour only on a TTY. */
const tty = process.stderr.isTTY && !process.env['NO_COLOR'];
const paint = (code: number) => (text: string) => (tty ? `\u001b[${code}m${text}\u001b[0m` : text);
export const green = paint(32);
export const red = paint(31);
export const yellow = paint(33);
export const dim = paint(2);
export const bold = paint(1);

export function info(line: string): void {
  process.stderr.write(`${line}\n`);
}

export function fail(line: string): void {
  process.stderr.write(`${red('✗')} ${line}\n`);
}

/** Runs one step of a longer command and says what it did and how long it took. */
export async function step<T>(label: string, work: () => Promise<T>): Promise<T> {
  const started = Date.now();
  process.stderr.write(`${dim('…')} ${label}\n`);
  try {
    const result = await work();
    process.stderr.write(`${green('✓')} ${label} ${dim(`(${((Date.now() - started) / 1000).toFixed(1)}s)`)}\n`);
    return result;
  } catch (error) {
    process.stderr.write(`${red('✗')} ${label}\n`);
    throw error;
  }
}

/** An error whose message is already meant for the operator: printed as is, exit code attached. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
