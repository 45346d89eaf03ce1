import { journalSettingsSchema } from '@marketswarm/shared/dto';
import { useQuery } from '@tanstack/react-query';
import { getJson } from '../api/http';

/** The exchange time zone the journal buckets days in, until the user's settings load. */
export const DEFAULT_TIME_ZONE = 'America/New_York';

/** The user's journal time zone (settings), the default while loading or when settings fail. */
export function useJournalTimeZone(): string {
  const query = useQuery({
    queryKey: ['journal', 'settings'],
    queryFn: ({ signal }) => getJson('/api/settings', (b) => journalSettingsSchema.parse(b), signal),
    staleTime: 5 * 60_000,
  });
  return query.data?.timeZone ?? DEFAULT_TIME_ZONE;
}
