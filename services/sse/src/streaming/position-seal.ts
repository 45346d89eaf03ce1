import { createCipheriv, createDecipheriv } from 'node:crypto';
import type { StreamId } from './stream-id.js';

const BLOCK = 16;
const SEALED_LENGTH = 22; // base64url of one AES block, unpadded

/**
 * Makes a stream position opaque: user-scoped topics share one stream, so a plain position would
 * tell one user the exact millisecond of another user's private event. One AES-256 block per
 * position (a pseudo-random permutation: same position, same text; nothing else learnable), keyed
 * by a secret every gateway instance shares, so any instance can still resume any client.
 */
export class PositionSeal {
  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new Error('PositionSeal needs a 32-byte key');
  }

  seal(id: StreamId): string {
    const block = Buffer.alloc(BLOCK);
    block.writeBigUInt64BE(BigInt(id.ms), 0);
    block.writeBigUInt64BE(BigInt(id.seq), 8);
    const cipher = createCipheriv('aes-256-ecb', this.key, null).setAutoPadding(false);
    return Buffer.concat([cipher.update(block), cipher.final()]).toString('base64url');
  }

  /** The position behind a sealed text; null for anything this key did not seal sensibly. */
  open(text: string): StreamId | null {
    if (text.length !== SEALED_LENGTH || !/^[A-Za-z0-9_-]+$/.test(text)) return null;
    const sealed = Buffer.from(text, 'base64url');
    if (sealed.length !== BLOCK) return null;
    const decipher = createDecipheriv('aes-256-ecb', this.key, null).setAutoPadding(false);
    const block = Buffer.concat([decipher.update(sealed), decipher.final()]);
    const ms = block.readBigUInt64BE(0);
    const seq = block.readBigUInt64BE(8);
    // A forged or foreign text opens to noise: almost surely beyond any safe integer.
    if (ms > BigInt(Number.MAX_SAFE_INTEGER) || seq > BigInt(Number.MAX_SAFE_INTEGER)) return null;
    return { ms: Number(ms), seq: Number(seq) };
  }
}
