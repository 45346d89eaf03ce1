import type { TruthChange } from '@marketswarm/shared/dto';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * The JSON paths where two truth documents differ, loaded → files, in path order. Objects are
 * walked key by key; arrays and scalars compare as whole values (a changed `symbols` list is one
 * change, not one per index), so the list reads like what an operator edited.
 */
export function truthDiff(loaded: unknown, files: unknown, prefix = ''): TruthChange[] {
  const changes: TruthChange[] = [];
  walk(loaded as Json | undefined, files as Json | undefined, prefix, changes);
  return changes.sort((a, b) => a.path.localeCompare(b.path));
}

function walk(loaded: Json | undefined, files: Json | undefined, path: string, out: TruthChange[]): void {
  if (isObject(loaded) && isObject(files)) {
    for (const key of new Set([...Object.keys(loaded), ...Object.keys(files)])) walk(loaded[key], files[key], path ? `${path}.${key}` : key, out);
    return;
  }
  if (loaded === undefined && files === undefined) return;
  if (loaded === undefined) out.push({ path, change: 'added', files });
  else if (files === undefined) out.push({ path, change: 'removed', loaded });
  else if (!sameJson(loaded, files)) out.push({ path, change: 'changed', loaded, files });
}

function isObject(value: Json | undefined): value is { [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function sameJson(a: Json, b: Json): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameJson(x, b[i] as Json));
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => k in b && sameJson(a[k] as Json, b[k] as Json));
  }
  return a === b;
}
