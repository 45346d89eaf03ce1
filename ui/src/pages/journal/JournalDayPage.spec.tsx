import type { AttachmentDto, PeriodFiguresDto, TradeDto } from '@marketswarm/shared/dto';
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { EntryHtml } from './EntryHtml';
import { AttachmentsView, DayHeader, DayTradesView, oversizeFiles } from './JournalDayPage';

const noop = () => undefined;
const inRouter = (node: ReactNode): string => renderToStaticMarkup(<MemoryRouter>{node}</MemoryRouter>);

const trade = (patch: Partial<TradeDto>): TradeDto => ({
  id: '11111111-1111-4111-8111-111111111111',
  logId: 'l1',
  symbol: 'SPX',
  strategy: 'butterfly',
  side: 'long',
  quantity: 2,
  status: 'closed',
  openedAt: Date.UTC(2026, 11, 7, 15, 0),
  closedAt: Date.UTC(2026, 11, 7, 19, 30),
  gross: 460,
  fees: 10,
  net: 450,
  risk: 300,
  r: 1.5,
  notes: '',
  tags: [],
  marketAtEntry: null,
  legs: [],
  createdAt: 0,
  updatedAt: 0,
  ...patch,
});

describe(DayTradesView.name, () => {
  const trades = [trade({}), trade({ id: '22222222-2222-4222-8222-222222222222', symbol: 'NDX', net: -120, r: null })];
  const figures: PeriodFiguresDto = { netPnl: 330, trades: 2, wins: 1, losses: 1, winRate: 0.5 };

  it('lists the day\'s closed trades with net, R, the journal\'s day figures and links to each trade', () => {
    const html = inRouter(<DayTradesView trades={trades} figures={figures} error={undefined} timeZone="America/New_York" linked={undefined} onToggle={undefined} />);
    expect(html.match(/data-testid="day-trade"/g)).toHaveLength(2);
    expect(html).toContain('+450.00');
    expect(html).toContain('−120.00');
    expect(html).toMatch(/data-testid="day-net">\+330\.00</);
    expect(html).toContain('1 win · 1 loss · win rate 50%');
    expect(html).toContain('1.50');
    expect(html).toContain('href="/trades/11111111-1111-4111-8111-111111111111"');
    // 19:30Z is 14:30 in New York.
    expect(html).toContain('14:30');
    expect(html).not.toContain('type="checkbox"');
  });

  it('shows the day\'s figures as the journal counts them, a scratch trade neither a win nor a loss', () => {
    const scratch = [trade({ net: 0.4 }), trade({ id: '22222222-2222-4222-8222-222222222222', net: 90 })];
    const html = inRouter(<DayTradesView trades={scratch} figures={{ netPnl: 90.4, trades: 2, wins: 1, losses: 0, winRate: 0.5 }} error={undefined} timeZone="UTC" linked={undefined} onToggle={undefined} />);
    expect(html).toContain('1 win · 0 losses · win rate 50%');
    expect(html).toMatch(/data-testid="day-net">\+90\.40</);
  });

  it('offers a checkbox per trade to link it to the entry, checked for linked ones', () => {
    const html = inRouter(<DayTradesView trades={trades} figures={figures} error={undefined} timeZone="UTC" linked={new Set([trades[1]!.id])} onToggle={noop} />);
    expect(html.match(/data-testid="entry-link-trade"/g)).toHaveLength(2);
    expect(html.match(/checked=""/g)).toHaveLength(1);
    expect(html).toContain('Linked to entry');
  });

  it('says when no trade closed that day', () => {
    const html = inRouter(<DayTradesView trades={[]} figures={{ netPnl: 0, trades: 0, wins: 0, losses: 0, winRate: null }} error={undefined} timeZone="UTC" linked={undefined} onToggle={undefined} />);
    expect(html).toContain('No trade closed this day.');
    expect(html).not.toContain('data-testid="day-net"');
  });
});

describe(AttachmentsView.name, () => {
  const attachment: AttachmentDto = { id: '33333333-3333-4333-8333-333333333333', date: '2026-12-07', fileName: 'chart.png', contentType: 'image/png', size: 2048, createdAt: 0 };

  it('lists attachments as downloads with a delete button', () => {
    const html = renderToStaticMarkup(<AttachmentsView attachments={[attachment]} uploading={false} error={undefined} onUpload={noop} onDelete={noop} />);
    expect(html).toContain('href="/api/journal/attachments/33333333-3333-4333-8333-333333333333" download="chart.png"');
    expect(html).toContain('image/png · 2.0 KB');
    expect(html).toContain('data-testid="attachment-delete"');
    expect(html).toContain('data-testid="attachment-dropzone"');
    expect(html).toContain('type="file" multiple=""');
  });

  it('shows an upload in flight and the journal\'s refusal', () => {
    const html = renderToStaticMarkup(<AttachmentsView attachments={[]} uploading error="the bytes are of no accepted type" onUpload={noop} onDelete={noop} />);
    expect(html).toContain('Uploading…');
    expect(html).not.toContain('type="file"');
    expect(html).toContain('the bytes are of no accepted type');
    expect(html).toContain('No attachments.');
  });
});

describe(oversizeFiles.name, () => {
  it('names the files over 5 MiB', () => {
    expect(oversizeFiles([{ name: 'a.png', size: 5 * 1024 * 1024 }, { name: 'b.pdf', size: 5 * 1024 * 1024 + 1 }])).toEqual(['b.pdf']);
  });
});

describe(DayHeader.name, () => {
  it('titles the day and links the neighbouring days and its month', () => {
    const html = inRouter(<DayHeader date="2026-12-01" />);
    expect(html).toContain('Tue, Dec 1, 2026');
    expect(html).toContain('href="/journal/2026-11-30"');
    expect(html).toContain('href="/journal/2026-12-02"');
    expect(html).toContain('href="/journal?month=2026-12"');
  });
});

describe(EntryHtml.name, () => {
  it('renders server HTML as plain text when no DOM is there to sanitise it', () => {
    const html = renderToStaticMarkup(<EntryHtml html={'<p>Good <strong>day</strong></p><img src=x onerror="alert(1)">'} testId="entry-content" />);
    expect(html).toContain('Good day');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<strong>');
  });
});
