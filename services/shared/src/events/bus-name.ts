import { z } from 'zod';

/** The three Redis roles. Every key and stream lives on exactly one of them. */
export const busNames = ['system', 'market', 'intel'] as const;
export const busNameSchema = z.enum(busNames);
export type BusName = z.infer<typeof busNameSchema>;
