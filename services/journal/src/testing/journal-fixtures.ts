/** A multipart body as a browser sends an upload: the file in the part `file`, then any other fields. */
export function fileForm(file: Buffer | string, name: string, options: { type?: string; fields?: Record<string, string> } = {}): FormData {
  const form = new FormData();
  form.set('file', new Blob([file], options.type === undefined ? {} : { type: options.type }), name);
  for (const [key, value] of Object.entries(options.fields ?? {})) form.set(key, value);
  return form;
}

/** A saved what-if the route specs reuse: the SPX 5000/5010 call vertical, one lot at 4.50. */
export const SPX_CALL_VERTICAL = {
  name: 'SPX call vertical',
  symbol: 'SPX',
  legs: [
    { expiry: '2026-12-18', strike: 5000, right: 'call', ratio: 1 },
    { expiry: '2026-12-18', strike: 5010, right: 'call', ratio: -1 },
  ],
  quantity: 1,
  entryPrice: 4.5,
} as const;
