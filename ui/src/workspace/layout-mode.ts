/**
 * Which workspace layout a screen gets: the resizable grid, or one panel at a time behind tabs
 * below 900 px, where side-by-side panels would each be too narrow to read.
 */
export type LayoutMode = 'grid' | 'tabs';

export const NARROW_QUERY = '(max-width: 899.98px)';

type MatchMedia = (query: string) => { matches: boolean };

/** Without matchMedia (server rendering, old engines) the grid, the layout every screen had before. */
export function layoutModeFor(matchMedia: MatchMedia | undefined): LayoutMode {
  if (matchMedia === undefined) return 'grid';
  return matchMedia(NARROW_QUERY).matches ? 'tabs' : 'grid';
}
