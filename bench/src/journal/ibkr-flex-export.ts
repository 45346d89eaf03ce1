import { pick, seededRandom } from './random.js';

const HEADER = [
  'ClientAccountID',
  'CurrencyPrimary',
  'AssetClass',
  'Symbol',
  'Description',
  'Conid',
  'UnderlyingSymbol',
  'Multiplier',
  'Strike',
  'Expiry',
  'Put/Call',
  'TradeID',
  'ReportDate',
  'DateTime',
  'TradeDate',
  'Quantity',
  'TradePrice',
  'IBCommission',
  'IBCommissionCurrency',
  'BrokerExecutionCommission',
  'ThirdPartyRegulatoryCommission',
  'BrokerClearingCommission',
  'Buy/Sell',
  'Open/CloseIndicator',
  'IBOrderID',
  'TransactionID',
  'IBExecID',
  'OrderTime',
  'LevelOfDetail',
] as const;

const quote = (cells: readonly string[]): string => cells.map((c) => `"${c}"`).join(',');
const yyyymmdd = (ms: number): string => new Date(ms).toISOString().slice(0, 10).replaceAll('-', '');
/** IBKR writes the account's local time; the generator writes New York wall clock from UTC − 5 h (close enough for a benchmark). */
const ibkrDateTime = (ms: number): string => {
  const d = new Date(ms - 5 * 3_600_000).toISOString();
  return `${d.slice(0, 10).replaceAll('-', '')};${d.slice(11, 19).replaceAll(':', '')}`;
};
/** A decimal string of a whole number of 1/10000: "-0.6625", "12.5". */
const decimal = (tenThousandths: number): string => {
  const sign = tenThousandths < 0 ? '-' : '';
  const abs = Math.abs(tenThousandths);
  const fraction = String(abs % 10_000).padStart(4, '0').replace(/0+$/, '');
  return `${sign}${Math.floor(abs / 10_000)}${fraction ? `.${fraction}` : ''}`;
};

/**
 * An IBKR Activity Flex Query CSV (v2 control rows, the Trades section's columns as IBKR names them,
 * fee breakdown included) with `rows` execution rows: SPX/SPXW and SPY option spreads whose legs
 * share an order id (verticals, 1-2-1 flies, condors), ES/MES futures and stock fills, opens then
 * closes. Regulatory fees of $0.0125 per contract sold keep fractions of a cent in the file.
 * Deterministic for a seed. See services/journal/src/imports/fixtures/ok/ibkr_flex_trades_constructed.csv.
 */
export function ibkrFlexCsv(rows: number, seed = 34): string {
  const random = seededRandom(seed);
  const lines: string[] = [
    quote(['BOF', 'U7654321', 'Bench', '1', '20250101', '20251231', '20260101;020000', '', '']),
    quote(['BOA', 'U7654321']),
    quote(['BOS', 'TRNT', 'Trades; trade date basis']),
    quote(HEADER),
  ];
  let n = 0;
  let t = Date.UTC(2025, 0, 2, 14, 30);
  const push = (cells: Record<(typeof HEADER)[number], string>): void => {
    lines.push(quote(HEADER.map((h) => cells[h])));
    n += 1;
  };
  while (n < rows) {
    t += (1 + Math.floor(random() * 20)) * 60_000;
    const order = `ORD${String(n).padStart(7, '0')}`;
    const kind = pick(random, ['spread', 'spread', 'spread', 'future', 'stock'] as const);
    const legs =
      kind === 'spread'
        ? pick(random, [
            [[-1, 'P', 1] as const, [0, 'P', -1] as const],
            [[-1, 'C', 1] as const, [0, 'C', -2] as const, [1, 'C', 1] as const],
            [[-2, 'P', 1] as const, [-1, 'P', -1] as const, [1, 'C', -1] as const, [2, 'C', 1] as const],
          ])
        : [[0, 'C', random() < 0.5 ? 1 : -1] as const];
    const root = kind === 'spread' ? pick(random, ['SPXW', 'SPY']) : kind === 'future' ? pick(random, ['ES', 'MES']) : pick(random, ['NVDA', 'AAPL']);
    const size = 1 + Math.floor(random() * 4);
    const expiryMs = t + pick(random, [0, 1, 2, 7]) * 86_400_000;
    for (const phase of ['open', 'close'] as const) {
      const at = phase === 'open' ? t : t + (5 + Math.floor(random() * 120)) * 60_000;
      for (const [offset, right, ratio] of legs) {
        if (n >= rows) break;
        const buy = (ratio > 0) === (phase === 'open');
        const quantity = Math.abs(ratio) * size * (kind === 'stock' ? 100 : 1);
        const contracts = kind === 'stock' ? 0 : quantity;
        const strike = root === 'SPXW' ? 5800 + offset * 10 : 580 + offset;
        const commission = kind === 'stock' ? -10_000 : -6_500 * contracts;
        const regulatory = buy || kind === 'stock' ? 0 : -125 * contracts;
        const clearing = kind === 'stock' ? 0 : -200 * contracts;
        const price = kind === 'spread' ? 5_000 + Math.floor(random() * 200_000) : kind === 'future' ? 58_000_000 + Math.floor(random() * 400) * 2_500 : 1_200_000 + Math.floor(random() * 80_000);
        const id = String(n).padStart(8, '0');
        const option = kind === 'spread';
        push({
          ClientAccountID: 'U7654321',
          CurrencyPrimary: 'USD',
          AssetClass: option ? 'OPT' : kind === 'future' ? 'FUT' : 'STK',
          Symbol: option ? `${root.padEnd(6)}${yyyymmdd(expiryMs).slice(2)}${right}${String(strike * 1000).padStart(8, '0')}` : kind === 'future' ? `${root}H6` : root,
          Description: option ? `${root} ${yyyymmdd(expiryMs)} ${strike} ${right}` : root,
          Conid: String(100_000 + ((offset + 5) * 7 + root.length)),
          UnderlyingSymbol: option ? (root === 'SPXW' ? 'SPX' : root) : kind === 'future' ? root : root,
          Multiplier: option ? '100' : kind === 'future' ? (root === 'ES' ? '50' : '5') : '1',
          Strike: option ? String(strike) : '',
          Expiry: option || kind === 'future' ? yyyymmdd(option ? expiryMs : Date.UTC(2026, 2, 20)) : '',
          'Put/Call': option ? right : '',
          TradeID: `TRD${id}`,
          ReportDate: yyyymmdd(at),
          DateTime: ibkrDateTime(at),
          TradeDate: yyyymmdd(at),
          Quantity: String(buy ? quantity : -quantity),
          TradePrice: decimal(price),
          IBCommission: decimal(commission + regulatory + clearing),
          IBCommissionCurrency: 'USD',
          BrokerExecutionCommission: decimal(commission),
          ThirdPartyRegulatoryCommission: decimal(regulatory),
          BrokerClearingCommission: decimal(clearing),
          'Buy/Sell': buy ? 'BUY' : 'SELL',
          'Open/CloseIndicator': phase === 'open' ? 'O' : 'C',
          IBOrderID: phase === 'open' ? order : `${order}C`,
          TransactionID: `TXN${id}`,
          IBExecID: `0000e0d5.${id}.01.01`,
          OrderTime: ibkrDateTime(at),
          LevelOfDetail: 'EXECUTION',
        });
      }
    }
  }
  lines.push(quote(['EOS', 'TRNT', String(n)]), quote(['EOA', 'U7654321']), quote(['EOF', 'U7654321']));
  return `${lines.join('\n')}\n`;
}
