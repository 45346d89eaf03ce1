/** Grouping and decimal separators follow the trader's number locale (settings); US until it loads. */
let locale = 'en-US';
let price = makePrice(locale);
let signed = makeSigned(locale);

function makePrice(tag: string): Intl.NumberFormat {
  return new Intl.NumberFormat(tag, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

function makeSigned(tag: string): Intl.NumberFormat {
  return new Intl.NumberFormat(tag, { minimumFractionDigits: 2, maximumFractionDigits: 2, signDisplay: 'exceptZero' });
}

/** Called once the settings load (and when they change): later formatting uses this locale. */
export function setNumberLocale(tag: string): void {
  if (tag === locale) return;
  locale = tag;
  price = makePrice(tag);
  signed = makeSigned(tag);
}

export function numberLocale(): string {
  return locale;
}

export function formatPrice(value: number): string {
  return price.format(value);
}

/** "+12.50 (+0.25%)"; the minus sign is a true minus for legibility in tabular figures. */
export function formatChange(change: number, base: number): string {
  const pct = base === 0 ? 0 : (change / base) * 100;
  return `${signed.format(change)} (${signed.format(pct)}%)`.replaceAll('-', '−');
}
