import type { OptionRight } from '@marketswarm/shared/dto';

/**
 * The OCC option symbol (root padded to 6, YYMMDD, C/P, strike × 1000 in 8 digits):
 * `SPX   260325P06535000`. One spelling for an option whichever export it came from.
 */
export function occSymbol(root: string, expiry: string, right: OptionRight, strike: string): string {
  const [whole = '0', fraction = ''] = strike.split('.');
  const thousandths = `${whole}${fraction.padEnd(3, '0').slice(0, 3)}`.replace(/^0+(?=\d)/, '');
  return `${root.toUpperCase().padEnd(6, ' ')}${expiry.slice(2, 4)}${expiry.slice(5, 7)}${expiry.slice(8, 10)}${right}${thousandths.padStart(8, '0')}`;
}
