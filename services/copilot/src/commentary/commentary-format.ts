/**
 * Number formatting of commentary text. The locale is fixed, not the machine's, so a line reads the
 * same on every copilot instance and the specs can pin exact texts.
 */
const price = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const level = new Intl.NumberFormat('en-US', { minimumFractionDigits: 0, maximumFractionDigits: 2 });
const score = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** A traded price: always two decimals (`5,012.40`). */
export const formatPrice = (value: number): string => price.format(value);

/** A strike or model level: only the decimals it has (`5,010`, `4,987.5`). */
export const formatLevel = (value: number): string => level.format(value);

/** A 0–100 MEL score: one decimal (`61.8`). */
export const formatScore = (value: number): string => score.format(value);
