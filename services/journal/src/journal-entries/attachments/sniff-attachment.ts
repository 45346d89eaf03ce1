import { fileTypeFromBuffer } from 'file-type';
import type { JournalAttachmentType } from '@marketswarm/shared/dto';

/** Binary types accepted, by the MIME type file-type reports, with the extension a download gets. */
const BINARY_TYPES: Readonly<Record<string, { type: JournalAttachmentType; ext: string }>> = {
  'image/png': { type: 'image/png', ext: 'png' },
  'image/jpeg': { type: 'image/jpeg', ext: 'jpg' },
  'image/gif': { type: 'image/gif', ext: 'gif' },
  'image/webp': { type: 'image/webp', ext: 'webp' },
  'application/pdf': { type: 'application/pdf', ext: 'pdf' },
};

export const ACCEPTED_ATTACHMENTS = 'PNG, JPEG, GIF, WebP, PDF, CSV or plain UTF-8 text';

export type SniffedAttachment = { ok: true; contentType: JournalAttachmentType; ext: string } | { ok: false; code: 'unsupported-media-type' | 'unprocessable'; message: string };

/**
 * Markup a browser could be talked into rendering (HTML, SVG, XML) where the first kilobyte or so
 * is read, as WHATWG MIME sniffing reads it. Served as plain text with nosniff it would be inert,
 * but text that is really a web page has no business in a trading journal.
 */
const MARKUP = /<\s*(!doctype|html|head|body|script|iframe|object|embed|svg|math|\?xml|meta|link|style|img|a\s|form|base)\b/i;
const SNIFF_WINDOW = 1445;

/**
 * What an upload really is, from its bytes alone: the declared type and file name are the
 * client's word and decide nothing, except that a text file's name ending in `.csv` makes it
 * text/csv rather than text/plain (two equally inert types). Images and PDF by their signature
 * (file-type); text only when it is valid UTF-8 without NUL, and neither markup nor a script.
 */
export async function sniffAttachment(bytes: Uint8Array, declaredName: string): Promise<SniffedAttachment> {
  if (bytes.length === 0) return { ok: false, code: 'unprocessable', message: 'the file is empty' };
  const detected = await fileTypeFromBuffer(bytes);
  if (detected) {
    const accepted = BINARY_TYPES[detected.mime];
    if (accepted) return { ok: true, contentType: accepted.type, ext: accepted.ext };
    return { ok: false, code: 'unsupported-media-type', message: `the content is ${detected.mime}; attach ${ACCEPTED_ATTACHMENTS}` };
  }
  if (bytes.includes(0)) return { ok: false, code: 'unsupported-media-type', message: `the content is binary of no accepted type; attach ${ACCEPTED_ATTACHMENTS}` };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, code: 'unsupported-media-type', message: `the content is neither valid UTF-8 text nor of an accepted type; attach ${ACCEPTED_ATTACHMENTS}` };
  }
  const head = text.slice(0, SNIFF_WINDOW).replace(/^\uFEFF/, '');
  if (MARKUP.test(head)) return { ok: false, code: 'unsupported-media-type', message: 'the content is HTML, SVG or XML markup, which is not accepted' };
  if (head.startsWith('#!')) return { ok: false, code: 'unsupported-media-type', message: 'the content is a script, which is not accepted' };
  return /\.csv$/i.test(declaredName.trim()) ? { ok: true, contentType: 'text/csv', ext: 'csv' } : { ok: true, contentType: 'text/plain', ext: 'txt' };
}

const UNSAFE_IN_NAME = /[\p{Cc}\p{Cf}\\/:*?"<>|]+/gu;

/**
 * The name a download gets: the uploaded base name, cleaned of paths and control characters, with
 * the extension of what the bytes really are (a PNG uploaded as `x.html` downloads as `x.png`).
 */
export function attachmentFileName(declaredName: string, ext: string): string {
  const base = declaredName.split(/[\\/]/).pop() ?? '';
  const cleaned = base.replace(UNSAFE_IN_NAME, '_').trim();
  const stem = cleaned.replace(/\.[^.]*$/, '').replace(/^\.+/, '').slice(0, 120).trim();
  return `${stem || 'attachment'}.${ext}`;
}

/** `Content-Disposition` for a download: always an attachment, the name as RFC 6266/5987 spell it, with an ASCII fallback. */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
