const price = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const signed = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2, signDisplay: 'exceptZero' });

export function formatPrice(value: number): string {
  return price.format(value);
}

/** "+12.50 (+0.25%)"; the minus sign is a true minus for legibility in tabular figures. */
export function formatChange(change: number, base: number): string {
  const pct = base === 0 ? 0 : (change / base) * 100;
  return `${signed.format(change)} (${signed.format(pct)}%)`.replaceAll('-', '−');
}
