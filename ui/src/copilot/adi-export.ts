import { type AdiFormat } from '@marketswarm/shared/dto';
import { ApiError } from '../api/http';

/** `GET /api/adi/snapshot` in one format, for the trader's chosen DTE. */
export const adiSnapshotPath = (format: AdiFormat, dte: number): string => `/api/adi/snapshot?format=${format}&dte=${dte}`;

const EXTENSION: Readonly<Record<AdiFormat, string>> = { json: 'json', csv: 'csv', text: 'txt' };

/**
 * The file name the server gave (`Content-Disposition: attachment; filename="…"`, or the RFC 5987
 * `filename*=UTF-8''…` form, which wins), else one of our own. Path separators are dropped: a name
 * is never a place.
 */
export function adiFilename(contentDisposition: string | null, format: AdiFormat, now: Date = new Date()): string {
  const header = contentDisposition ?? '';
  const extended = /filename\*\s*=\s*[^']*'[^']*'([^;]+)/i.exec(header)?.[1];
  const plain = /filename\s*=\s*"([^"]*)"|filename\s*=\s*([^;\s]+)/i.exec(header);
  let name: string | undefined;
  if (extended !== undefined) {
    try {
      name = decodeURIComponent(extended.trim());
    } catch {
      name = undefined;
    }
  }
  name ??= plain?.[1] ?? plain?.[2];
  const safe = name?.replace(/[/\\]/g, '_').trim();
  if (safe) return safe;
  return `adi-${now.toISOString().slice(0, 19).replace(/[:T]/g, '-')}.${EXTENSION[format]}`;
}

export interface AdiDownload {
  blob: Blob;
  filename: string;
}

/** Fetches one export as the server wrote it (the bytes are the file: nothing is re-encoded). */
export async function fetchAdi(format: AdiFormat, dte: number, fetchFn: typeof fetch = fetch): Promise<AdiDownload> {
  const path = adiSnapshotPath(format, dte);
  let res: Response;
  try {
    res = await fetchFn(path, { credentials: 'same-origin' });
  } catch (error) {
    throw new ApiError(0, `the export is unreachable: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!res.ok) throw new ApiError(res.status, await refusal(res));
  return { blob: await res.blob(), filename: adiFilename(res.headers.get('content-disposition'), format) };
}

/** The shared error body's message when there is one. */
async function refusal(res: Response): Promise<string> {
  try {
    const body = (await res.json()) as { message?: unknown };
    if (typeof body.message === 'string') return `The export failed: ${body.message}`;
  } catch {
    // not JSON: fall through to the status line
  }
  return `The export failed: ${res.status} ${res.statusText}`.trim();
}

/** Saves a blob through a temporary link (the browser's download, with the given name). */
export function saveBlob(download: AdiDownload): void {
  const url = URL.createObjectURL(download.blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = download.filename;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // The click has handed the blob to the download manager; the URL can go on the next turn.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
