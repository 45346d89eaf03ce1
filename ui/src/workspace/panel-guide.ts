/**
 * Every workspace panel once: its id (the section's `${id}-title` heading and the layout's panel
 * id), its title, its short tab label on a phone, the key that focuses it (after `g`), and what it
 * shows, for the help page. Plain data, so the help page and the shortcut map carry no panel code.
 */
export interface PanelGuide {
  id: PanelId;
  title: string;
  tab: string;
  /** Pressed after `g`: focuses the panel (or opens its tab on a phone). */
  key: string;
  shows: string;
}

export const PANEL_IDS = ['candles', 'gex', 'mode', 'heatmap', 'risk', 'selector', 'intel', 'vexy'] as const;
export type PanelId = (typeof PANEL_IDS)[number];

export const PANEL_GUIDE: readonly PanelGuide[] = [
  { id: 'candles', title: 'Candles', tab: 'Chart', key: 'c', shows: 'The symbol’s price in candles of 1 to 60 minutes, for the current and previous sessions, on your time zone.' },
  { id: 'risk', title: 'Risk graph', tab: 'Risk', key: 'r', shows: 'Your positions and the ones you try out: P&L today, at chosen dates and at expiry, breakevens, greeks and the chance of profit, as a chart or a price × date table.' },
  { id: 'heatmap', title: 'Heatmap', tab: 'Heatmap', key: 'h', shows: 'Butterflies and verticals by strike and width, coloured by price; a tile adds the trade to the risk graph.' },
  { id: 'selector', title: 'Trade ideas', tab: 'Ideas', key: 'i', shows: 'The best-scoring structures for the chosen expiry and strategy, with why each scores as it does.' },
  { id: 'gex', title: 'GEX by strike', tab: 'GEX', key: 'x', shows: 'Dealer gamma exposure by strike: the walls price tends to pin to or run from.' },
  { id: 'mode', title: 'Market mode', tab: 'Mode', key: 'm', shows: 'Whether the market is compressing, in transition or expanding, and the directional bias.' },
  { id: 'intel', title: 'Intel', tab: 'Intel', key: 'n', shows: 'News and intel items with their analysis; offline it shows a sample, marked as such.' },
  { id: 'vexy', title: 'Commentary', tab: 'Commentary', key: 'v', shows: 'Vexy’s running commentary on levels, walls and mode changes, and the copilot’s notes.' },
];

export function panelGuide(id: PanelId): PanelGuide {
  const guide = PANEL_GUIDE.find((p) => p.id === id);
  if (!guide) throw new Error(`no panel ${id}`);
  return guide;
}
