/** Real file heads for the attachment specs: what a browser would upload. */

/** A complete 1×1 transparent PNG (67 bytes). */
export const TINY_PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5d9c46a0000000049454e44ae426082', 'hex');

/** The head of a Windows executable: the MZ header whose e_lfanew points at a PE signature. */
export const WINDOWS_EXE_HEAD = (() => {
  const bytes = Buffer.alloc(256);
  bytes.write('MZ', 0, 'latin1');
  bytes.writeUInt32LE(0x80, 0x3c);
  bytes.write('PE\0\0', 0x80, 'latin1');
  bytes.writeUInt16LE(0x14c, 0x84);
  return bytes;
})();
