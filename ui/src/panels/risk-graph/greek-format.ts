/** Width for a narrow side column: at most `places` decimals and about four significant digits ($1,694.43 of theta shows as 1694). */
export const formatGreek = (v: number, places: number): string => {
  const digits = v === 0 ? 1 : Math.floor(Math.log10(Math.abs(v))) + 1;
  const shown = Math.max(0, Math.min(places, 4 - digits));
  const r = Math.round(v * 10 ** shown) / 10 ** shown + 0;
  return `${r < 0 ? '−' : ''}${Math.abs(r).toFixed(shown)}`;
};
