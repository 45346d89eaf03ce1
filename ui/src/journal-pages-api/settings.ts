// The settings query lives once, in journal-api/hooks.ts; this path stays for pages not yet moved to it.
export { DEFAULT_TIME_ZONE, useJournalTimeZone } from '../journal-api/hooks';
