import { absDecimal, parseDecimal } from './decimal.js';
import { RowError } from './import-result.js';

/** A cell that must hold a number, or a row error naming the column and what it held. */
export function requiredDecimal(text: string, column: string): string {
  const value = parseDecimal(text);
  if (value === null) throw new RowError(`bad ${column} "${text}"`);
  return value;
}

/** A quantity whose sign the export may or may not write (the side says the direction): its size, never 0. */
export function quantitySize(text: string, column: string): string {
  const value = requiredDecimal(text, column);
  if (value === '0') throw new RowError(`${column} must not be 0`);
  return absDecimal(value);
}

/** A fee column written as a positive cost; an empty cell (or `--`) is no fee. */
export function feeCell(text: string, column: string): string {
  return text === '' || text === '--' ? '0' : requiredDecimal(text, column);
}
