import { describe, expect, it } from 'vitest';
import type { Candle } from '@marketswarm/shared/dto';
import { auctionLevels, niceStep, pointOfControl, smoothProfile, valueArea, volumeNodes, volumeProfile } from './auction-levels.js';

const bar = (l: number, h: number, v: number, c = (l + h) / 2): Candle => ({ t: 0, o: c, h, l, c, v });

/**
 * A hand-made day on a 1-point ladder. Each bar's volume is spread evenly over the levels inside its range:
 *   A 100–102 v300 → 100, 101, 102 +100 each      B 101–103 v600 → 101, 102, 103 +200 each
 *   C 102–102.4 v400 → 102 +400                     F 99.6–99.9 close 99.8 v50 → no level inside: all on round(99.8) = 100
 *   D 104–106 v150 → 104, 105, 106 +50 each        E 105–107 v150 → 105, 106, 107 +50 each
 *   H 106–106.5 v150 → 106 +150                     G 107–108 v60 → 107, 108 +30 each
 * Profile: 100:150  101:300  102:700  103:200  104:50  105:100  106:250  107:80  108:30   (total 1860)
 */
const day: Candle[] = [bar(100, 102, 300), bar(101, 103, 600), bar(102, 102.4, 400), bar(99.6, 99.9, 50, 99.8), bar(104, 106, 150), bar(105, 107, 150), bar(106, 106.5, 150), bar(107, 108, 60)];

describe(volumeProfile.name, () => {
  it('spreads each bar\'s volume over the ladder levels in its range, listing empty levels too', () => {
    expect(volumeProfile(day, 1)).toEqual([
      { price: 100, volume: 150 },
      { price: 101, volume: 300 },
      { price: 102, volume: 700 },
      { price: 103, volume: 200 },
      { price: 104, volume: 50 },
      { price: 105, volume: 100 },
      { price: 106, volume: 250 },
      { price: 107, volume: 80 },
      { price: 108, volume: 30 },
    ]);
  });

  it('keeps a level no bar reached, at zero volume, between two that traded', () => {
    expect(volumeProfile([bar(100, 100, 10), bar(102, 102, 20)], 1)).toEqual([
      { price: 100, volume: 10 },
      { price: 101, volume: 0 },
      { price: 102, volume: 20 },
    ]);
  });

  it('reads a bar\'s edge on the ladder despite float noise (6000.3 / 0.1)', () => {
    expect(volumeProfile([bar(6000.3, 6000.3, 10)], 0.1)).toEqual([{ price: 6000.3, volume: 10 }]);
  });
});

describe(valueArea.name, () => {
  it('grows from the POC toward the busier neighbour until 70 % of the volume is inside', () => {
    // 70 % of 1860 = 1302. From 102 (700): 101 (300) beats 103 (200) → 1000; 103 (200) beats 100 (150) → 1200;
    // 100 (150) beats 104 (50) → 1350 ≥ 1302. Value area 100–103.
    const levels = volumeProfile(day, 1);
    expect(valueArea(levels, 2)).toEqual({ low: 0, high: 3 });
  });

  it('takes both neighbours when they traded the same', () => {
    // 70 % of 500 = 350; 300 alone is short, and 100 above equals 100 below: both join → 500.
    const levels = [
      { price: 100, volume: 100 },
      { price: 101, volume: 300 },
      { price: 102, volume: 100 },
    ];
    expect(valueArea(levels, 1)).toEqual({ low: 0, high: 2 });
  });
});

describe(pointOfControl.name, () => {
  it('breaks a tie toward the middle of the profile, then toward the lower price', () => {
    const levels = [10, 50, 20, 50, 10].map((volume, i) => ({ price: 100 + i, volume }));
    // Indices 1 and 3 tie at 50; the middle is index 2, both are 1 away: the lower (first) stays.
    expect(pointOfControl(levels)).toBe(1);
    // Indices 0 and 3 tie at 50; the middle is index 2: 3 is 1 away, 0 is 2 away.
    expect(pointOfControl([50, 10, 10, 50, 10].map((volume, i) => ({ price: 100 + i, volume })))).toBe(3);
  });
});

describe(volumeNodes.name, () => {
  it('finds the peaks and troughs of the three-level smoothed profile, not its ends', () => {
    const levels = volumeProfile(day, 1);
    const smoothed = smoothProfile(levels);
    // 102: (300+700+200)/3 = 400 above 101: 1150/3 = 383.3 and 103: 950/3 = 316.7 → HVN
    // 106: (100+250+80)/3 = 143.3 above 105: (50+100+250)/3 = 133.3 and 107: (250+80+30)/3 = 120 → HVN
    // 104: (200+50+100)/3 = 116.7 below 103 (316.7) and 105 (133.3) → LVN
    // 108 (30+80)/2 = 55 is the lowest, but an end of the profile is a tail, not a node.
    expect(smoothed.map((s) => Math.round(s * 100) / 100)).toEqual([225, 383.33, 400, 316.67, 116.67, 133.33, 143.33, 120, 55]);
    expect(volumeNodes(levels, smoothed, 'high')).toEqual([102, 106]);
    expect(volumeNodes(levels, smoothed, 'low')).toEqual([104]);
  });

  it('stands a flat top for one node at its middle', () => {
    const levels = [10, 40, 40, 40, 10].map((volume, i) => ({ price: 100 + i, volume }));
    expect(volumeNodes(levels, levels.map((l) => l.volume), 'high')).toEqual([102]);
  });
});

describe(niceStep.name, () => {
  it('rounds a raw step up to 1, 2, 2.5 or 5 × 10^k', () => {
    expect([0.21, 0.9, 1.3, 2.2, 3, 7, 13].map(niceStep)).toEqual([0.25, 1, 2, 2.5, 5, 10, 20]);
  });
});

describe(auctionLevels.name, () => {
  it('reports the POC, value area and nodes of the day', () => {
    expect(auctionLevels(day, 1)).toEqual({ bars: 8, binSize: 1, totalVolume: 1860, poc: 102, vah: 103, val: 100, hvn: [102, 106], lvn: [104] });
  });

  it('cuts the day\'s range into about 40 nice steps when no bin size is given', () => {
    // Range 99.6–108 = 8.4; 8.4 / 40 = 0.21 → 0.25-point levels.
    expect(auctionLevels(day).binSize).toBe(0.25);
  });

  it('has no levels before anything traded', () => {
    expect(auctionLevels([bar(100, 101, 0)])).toEqual({ bars: 0, binSize: null, totalVolume: 0, poc: null, vah: null, val: null, hvn: [], lvn: [] });
  });
});
