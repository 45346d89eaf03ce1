import type { AdiPosition, AdiSection, AdiSectionSnapshot, MelModelId, MelSnapshot } from '@marketswarm/shared/dto';
import { adiSections } from '@marketswarm/shared/dto';
import { exchangeWallClock } from '@marketswarm/shared/journal';
import { NEW_YORK } from '@marketswarm/shared/models';

/**
 * The snapshot as a trader pastes it into a chat with an assistant: a title line, then one short
 * headed block per section, plain sentences with numbers rounded to what a reader uses (prices to
 * cents, vols to a tenth of a percent, GEX in $M/$B). No markup: it must read the same in any chat box.
 */

export const ADI_TEXT_HEADINGS: Readonly<Record<AdiSection, string>> = {
  price: 'PRICE',
  volatility: 'VOLATILITY',
  gamma: 'GAMMA',
  auction: 'AUCTION',
  session: 'SESSION',
  mel: 'MODEL TRUST (MEL)',
  user: 'MY POSITIONS',
};

const NA = 'n/a';
const MEL_NAMES: Readonly<Record<MelModelId, string>> = { gamma: 'gamma', volumeProfile: 'volume profile', liquidity: 'liquidity', volatility: 'volatility', session: 'session' };

const fixed = (value: number | null, places = 2): string => (value === null ? NA : value.toFixed(places));
const signed = (value: number | null, places = 2): string => (value === null ? NA : `${value > 0 ? '+' : ''}${value.toFixed(places)}`);
const pct = (value: number | null): string => (value === null ? NA : `${(value * 100).toFixed(1)}%`);
/** A price level (strike, wall, node): to cents at most, without trailing zeros (6000, 6006.5). */
const level = (value: number | null): string => (value === null ? NA : String(Math.round(value * 100) / 100));

export function dollars(value: number | null): string {
  if (value === null) return NA;
  const text = `$${Math.abs(value).toLocaleString('en-US', { maximumFractionDigits: 0 })}`;
  return value < 0 ? `-${text}` : text;
}

/** GEX in dollars per 1 % move, as $1.23B / $456.7M / $12.3K, signed. */
export function gexAmount(value: number | null): string {
  if (value === null) return NA;
  const sign = value < 0 ? '-' : '+';
  const abs = Math.abs(value);
  if (abs >= 1e9) return `${sign}$${(abs / 1e9).toFixed(2)}B`;
  if (abs >= 1e6) return `${sign}$${(abs / 1e6).toFixed(1)}M`;
  if (abs >= 1e3) return `${sign}$${(abs / 1e3).toFixed(1)}K`;
  return `${sign}$${abs.toFixed(0)}`;
}

function newYork(epochMs: number): { date: string; time: string } {
  const iso = new Date(exchangeWallClock(epochMs, NEW_YORK)).toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 16) };
}

function priceLines(s: NonNullable<AdiSectionSnapshot['price']>): string[] {
  const t = s.trail;
  return [
    `Spot ${fixed(s.spot)}, ${signed(s.change)} (${s.changePct === null ? NA : `${signed(s.changePct)}%`}) vs prev close ${fixed(s.prevClose)}`,
    `Day: open ${fixed(s.dayOpen)}, high ${fixed(s.dayHigh)}, low ${fixed(s.dayLow)}`,
    t.prints === 0 || t.first === null || t.change === null
      ? `Last ${t.minutes} min: no prints`
      : `Last ${t.minutes} min: ${t.prints} prints, from ${fixed(t.first)} to ${fixed(t.first + t.change)} (${signed(t.change)}), range ${fixed(t.low)}-${fixed(t.high)}`,
  ];
}

function volatilityLines(s: NonNullable<AdiSectionSnapshot['volatility']>): string[] {
  return [
    `ATM IV ${pct(s.atmIv)}${s.atmStrike === null ? '' : ` (strike ${level(s.atmStrike)}, ${s.atmDte ?? NA}DTE)`}; realised ${pct(s.realizedVol)} over ${s.realizedBars} one-minute returns`,
    `IV/RV ${fixed(s.ivRvRatio)}${s.regime === null ? '' : ` (${s.regime})`}; market mode ${s.mode ?? NA}${s.modeScore === null ? '' : ` (score ${s.modeScore.toFixed(0)})`}`,
  ];
}

function gammaLines(s: NonNullable<AdiSectionSnapshot['gamma']>): string[] {
  if (s.strikes === 0) return ['No GEX data'];
  return [
    `Net GEX ${gexAmount(s.netGex)} per 1% move; zero gamma ${level(s.flip)}${s.spotVsFlip === null ? '' : ` (spot ${s.spotVsFlip})`}`,
    `Call wall ${level(s.callWall)}, put wall ${level(s.putWall)}, magnet ${level(s.magnet)}${s.magnetGex === null ? '' : ` (${gexAmount(s.magnetGex)})`}`,
  ];
}

function auctionLines(s: NonNullable<AdiSectionSnapshot['auction']>): string[] {
  if (s.poc === null) return ['No volume yet today'];
  const list = (values: readonly number[]): string => (values.length === 0 ? 'none' : values.map(level).join(', '));
  return [
    `POC ${level(s.poc)}, value area ${level(s.val)}-${level(s.vah)} (70% of ${s.totalVolume.toLocaleString('en-US', { maximumFractionDigits: 0 })} over ${s.bars} bars, ${s.binSize ?? NA}-pt levels)`,
    `HVN ${list(s.hvn)}; LVN ${list(s.lvn)}`,
  ];
}

function sessionLines(s: NonNullable<AdiSectionSnapshot['session']>): string[] {
  if (s.phase === 'closed') return [`Closed (${s.date} ${s.time} ET; options close at ${s.closesAt ?? NA})`];
  return [`${s.phase[0]?.toUpperCase() ?? ''}${s.phase.slice(1)}, ${s.time} ET; ${s.minutesToClose ?? NA} min to the ${s.closesAt ?? NA} close`];
}

function melLines(s: MelSnapshot | null): string[] {
  if (s === null) return ['Not available'];
  const models = (Object.keys(MEL_NAMES) as MelModelId[]).map((id) => `${MEL_NAMES[id]} ${s.models[id].score.toFixed(0)} ${s.models[id].state}`);
  return [`Global integrity ${s.globalIntegrity.toFixed(0)} ${s.state} (coherence ${s.coherence})`, models.join(', ')];
}

function legsText(position: AdiPosition): string {
  return position.legs
    .map((leg) => {
      const size = leg.quantity > 0 ? `+${leg.quantity}` : String(leg.quantity);
      const option = leg.strike === null ? 'shares' : `${level(leg.strike)}${leg.right === 'call' ? 'C' : leg.right === 'put' ? 'P' : ''}`;
      return `${size} ${option}${leg.expiry === null ? '' : ` ${leg.expiry}`}${leg.mark === null ? '' : ` @${leg.mark.toFixed(2)}`}`;
    })
    .join(' / ');
}

function positionLine(position: AdiPosition): string {
  const pnl = position.pnl === null ? 'unmarked' : `P&L ${position.pnl > 0 ? '+' : ''}${dollars(position.pnl)}`;
  return `${position.name} x${position.quantity}: ${legsText(position)}; cost ${dollars(position.cost)}, value ${dollars(position.value)}, ${pnl}`;
}

function userLines(s: NonNullable<AdiSectionSnapshot['user']>): string[] {
  const lines = [
    ...(s.openPositions.length === 0 ? ['Open: none'] : s.openPositions.map((p) => `Open ${positionLine(p)}`)),
    ...(s.savedPositions.length === 0 ? ['Saved: none'] : s.savedPositions.map((p) => `Saved ${positionLine(p)}`)),
  ];
  if (s.openPositions.length > 0) lines.push(`Open P&L ${s.openPnl === null ? 'n/a (some legs unmarked)' : `${s.openPnl > 0 ? '+' : ''}${dollars(s.openPnl)}`}`);
  return lines;
}

function sectionLines(snapshot: AdiSectionSnapshot, section: AdiSection): string[] | undefined {
  switch (section) {
    case 'price':
      return snapshot.price && priceLines(snapshot.price);
    case 'volatility':
      return snapshot.volatility && volatilityLines(snapshot.volatility);
    case 'gamma':
      return snapshot.gamma && gammaLines(snapshot.gamma);
    case 'auction':
      return snapshot.auction && auctionLines(snapshot.auction);
    case 'session':
      return snapshot.session && sessionLines(snapshot.session);
    case 'mel':
      return snapshot.mel === undefined ? undefined : melLines(snapshot.mel);
    case 'user':
      return snapshot.user && userLines(snapshot.user);
  }
}

export function adiText(snapshot: AdiSectionSnapshot): string {
  const at = newYork(snapshot.generatedAt);
  const blocks = [`ADI ${snapshot.symbol}, ${at.date} ${at.time} ET, ${snapshot.dte}DTE (${snapshot.schema.id} v${snapshot.schema.version})`];
  for (const section of adiSections) {
    const lines = sectionLines(snapshot, section);
    if (lines) blocks.push([ADI_TEXT_HEADINGS[section], ...lines].join('\n'));
  }
  return `${blocks.join('\n\n')}\n`;
}
