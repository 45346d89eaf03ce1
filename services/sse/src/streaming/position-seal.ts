import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { StreamId } from '@marketswarm/shared/events';

const BLOCK = 16;
const SEALED_LENGTH = 22; // base64url of one AES block, unpadded
const MAX_MS = 2 ** 48 - 1;
const MAX_SEQ = 2 ** 32 - 1;
/** Bytes 14–15 of the plain block: must open to this, so a forged text is refused (1 in 65,536 slips through, harmlessly). */
const CHECK = 0x6d73;

/**
 * Makes a stream position opaque. User-scoped topics share one stream, so a plain position would
 * tell one user the exact millisecond of another user's private event; and since a user's cursor
 * also moves past other users' entries, even a deterministic opaque form would change exactly
 * when someone else's event was written. So every seal is fresh: one AES-256 block holding the
 * position (ms 48 bits, seq 32 bits), 32 random bits and a 16-bit check, under a key every
 * gateway instance shares, so any instance still resumes any client.
 */
export class PositionSeal {
  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new Error('PositionSeal needs a 32-byte key');
  }

  seal(id: StreamId): string {
    // Redis ids are milliseconds since 1970 and a per-millisecond counter: both fit with room to spare.
    if (id.ms > MAX_MS || id.seq > MAX_SEQ) throw new RangeError(`stream id ${id.ms}-${id.seq} is beyond what a sealed position holds`);
    const block = Buffer.alloc(BLOCK);
    block.writeUIntBE(id.ms, 0, 6);
    block.writeUInt32BE(id.seq, 6);
    randomBytes(4).copy(block, 10);
    block.writeUInt16BE(CHECK, 14);
    const cipher = createCipheriv('aes-256-ecb', this.key, null).setAutoPadding(false);
    return Buffer.concat([cipher.update(block), cipher.final()]).toString('base64url');
  }

  /** The position behind a sealed text; null for anything this key did not seal. */
  open(text: string): StreamId | null {
    if (text.length !== SEALED_LENGTH || !/^[A-Za-z0-9_-]+$/.test(text)) return null;
    const sealed = Buffer.from(text, 'base64url');
    if (sealed.length !== BLOCK) return null;
    const decipher = createDecipheriv('aes-256-ecb', this.key, null).setAutoPadding(false);
    const block = Buffer.concat([decipher.update(sealed), decipher.final()]);
    if (block.readUInt16BE(14) !== CHECK) return null;
    return { ms: block.readUIntBE(0, 6), seq: block.readUInt32BE(6) };
  }
}
