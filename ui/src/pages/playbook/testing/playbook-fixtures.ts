import type { PlaybookEntryDto, PlaybookGroupDto } from '@marketswarm/shared/dto';

/** A valid UUID numbered `n`, so specs read `ID(1)` rather than a literal. */
export const ID = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** An active rule titled `Rule n`, ungrouped and untagged, unless `patch` says otherwise. */
export const entry = (n: number, patch: Partial<PlaybookEntryDto> = {}): PlaybookEntryDto => ({
  id: ID(n),
  kind: 'rule',
  status: 'active',
  title: `Rule ${n}`,
  body: '',
  groupId: null,
  tags: [],
  createdAt: 0,
  updatedAt: 0,
  retiredAt: null,
  ...patch,
});

/** Group `n` (id `ID(100 + n)`), an entry group at position `n`. */
export const group = (n: number, patch: Partial<PlaybookGroupDto> = {}): PlaybookGroupDto => ({ id: ID(100 + n), name: `Group ${n}`, kind: 'entry', position: n, createdAt: 0, updatedAt: 0, ...patch });
