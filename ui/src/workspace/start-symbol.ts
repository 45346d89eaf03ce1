import { readUserSettings } from '@marketswarm/shared/dto';

/** The symbol the workspace opens on: the one watched last, else the trader's default (settings). */
export function startSymbol(preferences: Readonly<Record<string, unknown>>): string {
  const last = preferences['symbol'];
  return typeof last === 'string' && last !== '' ? last : readUserSettings(preferences).defaultSymbol;
}
