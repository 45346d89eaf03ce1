// The journal's one formatting module is journal-api/journal-format.ts; this path stays for pages
// not yet moved to it (`toneOf` is its `pnlTone`).
export * from '../journal-api/journal-format';
export { pnlTone as toneOf } from '../journal-api/journal-format';
