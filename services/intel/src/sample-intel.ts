import { GEX_LEVEL_NAMES, type GexLevel, type GexLevelKind } from '@marketswarm/shared/models';
import type { IntelItem } from './item-normaliser.js';
import { extractTickers } from './ticker-extractor.js';
import { DEFAULT_LEVEL_STEPS, defaultLevelStep } from './vexy-commentator.js';

/** What the sample is written around: the market as the simulator (or a replay) has it now. */
export interface SampleMarket {
  /** Latest spot per symbol. */
  spots: Readonly<Record<string, number>>;
  /** The GEX levels the market producer computed, per symbol, when it has published some. */
  gex?: Readonly<Record<string, readonly GexLevel[]>>;
}

/** Both say "Sample", so the source alone tells a reader this is not news. */
export const SAMPLE_SOURCES = { desk: 'MarketSwarm Sample Desk', wire: 'MarketSwarm Sample Wire' } as const;

/** Strike spacing traders think in, per symbol (SPX options list every 5 points near the money). */
const STRIKE_STEPS: Readonly<Record<string, number>> = { SPX: 5, NDX: 10, RUT: 5, SPY: 1, QQQ: 1 };

const MINUTE = 60_000;

const num = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 2 });
const roundTo = (price: number, step: number) => Number((Math.round(price / step) * step).toPrecision(12));
const floorTo = (price: number, step: number) => Number((Math.floor(price / step) * step).toPrecision(12));
/** The round level vexy calls crossings of (SPX 50, NDX 100, VIX 1, …). */
const levelStep = (symbol: string, price: number) => DEFAULT_LEVEL_STEPS[symbol] ?? defaultLevelStep(price);
const strikeStep = (symbol: string, price: number) => STRIKE_STEPS[symbol] ?? levelStep(symbol, price) / 10;

interface Draft {
  slug: string;
  minutesAgo: number;
  source: string;
  title: string;
  summary: string;
}

type Template = (market: SampleMarket) => Draft | undefined;

function levelOf(market: SampleMarket, symbol: string, kind: GexLevelKind): number | undefined {
  return market.gex?.[symbol]?.find((l) => l.kind === kind)?.level;
}

const TEMPLATES: readonly Template[] = [
  () => ({
    slug: 'about',
    minutesAgo: 1,
    source: SAMPLE_SOURCES.desk,
    title: 'Sample intel, written around the simulated market',
    summary:
      'These items are generated from the live simulated prices when the intel producer starts, because truth lists no feeds. ' +
      'They are not news: list RSS or Atom feeds in components.intel.settings.feeds to replace them.',
  }),
  ({ spots }) => {
    const spx = spots['SPX'];
    if (spx === undefined) return undefined;
    const atm = roundTo(spx, strikeStep('SPX', spx));
    return {
      slug: 'spx-0dte-flies',
      minutesAgo: 25,
      source: SAMPLE_SOURCES.wire,
      title: `0DTE butterflies cluster at the SPX ${num(atm)} strike`,
      summary: `Same-day flies centred at ${num(atm)} and ${num(atm + 10)} drew the most volume with SPX at ${num(spx)}.`,
    };
  },
  (market) => {
    const spx = market.spots['SPX'];
    if (spx === undefined) return undefined;
    const call = levelOf(market, 'SPX', 'call-wall');
    const put = levelOf(market, 'SPX', 'put-wall');
    const flip = levelOf(market, 'SPX', 'flip');
    if (call !== undefined && put !== undefined) {
      const flipNote = flip === undefined ? '' : ` The ${GEX_LEVEL_NAMES.flip} sits near ${num(roundTo(flip, 1))}.`;
      return {
        slug: 'spx-walls',
        minutesAgo: 50,
        source: SAMPLE_SOURCES.desk,
        title: `SPX trades between the ${GEX_LEVEL_NAMES['put-wall']} ${num(put)} and the ${GEX_LEVEL_NAMES['call-wall']} ${num(call)}`,
        summary: `Dealer gamma is largest at ${num(call)} (${GEX_LEVEL_NAMES['call-wall']}) and ${num(put)} (${GEX_LEVEL_NAMES['put-wall']}).${flipNote}`,
      };
    }
    const step = levelStep('SPX', spx);
    const below = floorTo(spx, step);
    return {
      slug: 'spx-levels',
      minutesAgo: 50,
      source: SAMPLE_SOURCES.desk,
      title: `SPX holds ${num(below)}, with ${num(below + step)} overhead`,
      summary: `Round levels frame the session: support at ${num(below)}, resistance at ${num(below + step)}; SPX last ${num(spx)}.`,
    };
  },
  ({ spots }) => {
    const vix = spots['VIX'];
    if (vix === undefined) return undefined;
    const tone = vix < 16 ? 'stays subdued' : vix < 22 ? 'firms' : 'is elevated';
    return {
      slug: 'vix-tone',
      minutesAgo: 95,
      source: SAMPLE_SOURCES.wire,
      title: `VIX ${tone} near ${vix.toFixed(2)}`,
      summary: `Implied volatility ${tone}; ${num(roundTo(vix, 1))} is the round level to watch on VIX.`,
    };
  },
  ({ spots }) => {
    const ndx = spots['NDX'];
    if (ndx === undefined) return undefined;
    const qqq = spots['QQQ'];
    return {
      slug: 'ndx-tech',
      minutesAgo: 160,
      source: SAMPLE_SOURCES.wire,
      title: `Megacap tech keeps NDX near ${num(roundTo(ndx, levelStep('NDX', ndx)))}`,
      summary: qqq === undefined ? `NDX last ${num(ndx)}.` : `NDX last ${num(ndx)}; QQQ ${num(roundTo(qqq, strikeStep('QQQ', qqq)))} calls were the most active strike.`,
    };
  },
  ({ spots }) => {
    const rut = spots['RUT'];
    if (rut === undefined) return undefined;
    return {
      slug: 'rut-pivot',
      minutesAgo: 240,
      source: SAMPLE_SOURCES.desk,
      title: `Small caps: RUT pivots around ${num(roundTo(rut, levelStep('RUT', rut)))}`,
      summary: `The Russell 2000 (RUT) last ${num(rut)}; breadth stayed narrow.`,
    };
  },
  ({ spots }) => {
    const spy = spots['SPY'];
    if (spy === undefined) return undefined;
    const low = floorTo(spy, strikeStep('SPY', spy));
    return {
      slug: 'spy-range',
      minutesAgo: 360,
      source: SAMPLE_SOURCES.wire,
      title: `SPY holds a ${num(low - 1)}–${num(low + 2)} range`,
      summary: `SPY last ${num(spy)}; volume was light inside the range.`,
    };
  },
];

/**
 * The offline sample for a stack with no feeds: a handful of items written around `market` (levels
 * rounded to strikes near the given spots), dated in the hours before `now`, oldest first, every
 * one marked `sample`. Items about a symbol without a price are left out. Ids name the UTC day, so
 * a restart on the same day republishes nothing and the next day's start writes a fresh sample.
 */
export function buildSampleIntel(now: number, market: SampleMarket, watched: readonly string[]): IntelItem[] {
  const day = new Date(now).toISOString().slice(0, 10);
  const minute = Math.floor(now / MINUTE) * MINUTE;
  return TEMPLATES.flatMap((template) => {
    const draft = template(market);
    if (draft === undefined) return [];
    const item: IntelItem = {
      id: `sample:${day}:${draft.slug}`,
      title: draft.title,
      source: draft.source,
      published: minute - draft.minutesAgo * MINUTE,
      summary: draft.summary,
      tickers: extractTickers(`${draft.title}\n${draft.summary}`, watched),
      sample: true,
    };
    return [item];
  }).sort((a, b) => a.published - b.published);
}
