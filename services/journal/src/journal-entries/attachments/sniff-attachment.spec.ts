import { describe, expect, it } from 'vitest';
import { attachmentDisposition, attachmentFileName, sniffAttachment } from './sniff-attachment.js';
import { TINY_PNG, WINDOWS_EXE_HEAD } from './attachment-samples.js';

describe(sniffAttachment.name, () => {
  it('accepts a PNG by its signature whatever it is called', async () => {
    expect(await sniffAttachment(TINY_PNG, 'chart.html')).toEqual({ ok: true, contentType: 'image/png', ext: 'png' });
  });

  it('accepts a PDF, and UTF-8 text as CSV or plain text by its name', async () => {
    expect(await sniffAttachment(Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF'), 'x.bin')).toMatchObject({ ok: true, contentType: 'application/pdf' });
    expect(await sniffAttachment(Buffer.from('date,pnl\n2026-12-07,120.5\n'), 'Fills.CSV')).toMatchObject({ ok: true, contentType: 'text/csv', ext: 'csv' });
    expect(await sniffAttachment(Buffer.from('Größe: 2 × SPX 6000C — patience'), 'notes.png')).toMatchObject({ ok: true, contentType: 'text/plain', ext: 'txt' });
  });

  it('refuses HTML renamed .png, SVG, and XML', async () => {
    for (const markup of ['<!DOCTYPE html><p>hi', '\uFEFF  <html><script>alert(1)</script>', 'hello\n<script>alert(1)</script>', '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', '<?xml version="1.0"?><x/>']) {
      expect(await sniffAttachment(Buffer.from(markup), 'chart.png')).toMatchObject({ ok: false, code: 'unsupported-media-type' });
    }
  });

  it('refuses executables, scripts, archives and bytes that are not UTF-8', async () => {
    expect(await sniffAttachment(WINDOWS_EXE_HEAD, 'setup.png')).toEqual({ ok: false, code: 'unsupported-media-type', message: expect.stringContaining('application/x-msdownload') as string });
    expect(await sniffAttachment(Buffer.from('#!/bin/sh\nrm -rf ~\n'), 'notes.txt')).toMatchObject({ ok: false, code: 'unsupported-media-type' });
    expect(await sniffAttachment(Buffer.from('504b0304140000000800', 'hex'), 'x.csv')).toMatchObject({ ok: false, code: 'unsupported-media-type' });
    expect(await sniffAttachment(Buffer.from([0x61, 0x00, 0x62]), 'x.txt')).toMatchObject({ ok: false, code: 'unsupported-media-type' });
    expect(await sniffAttachment(Buffer.from([0x61, 0xff, 0xfe, 0x62]), 'x.txt')).toMatchObject({ ok: false, code: 'unsupported-media-type' });
  });

  it('calls an empty file unprocessable', async () => {
    expect(await sniffAttachment(new Uint8Array(0), 'x.png')).toMatchObject({ ok: false, code: 'unprocessable' });
  });
});

describe(attachmentFileName.name, () => {
  it('keeps the base name and gives it the extension of the real type', () => {
    expect(attachmentFileName('C:\\Users\\me\\SPX fly.html', 'png')).toBe('SPX fly.png');
    expect(attachmentFileName('../../etc/passwd', 'txt')).toBe('passwd.txt');
    expect(attachmentFileName('.htaccess', 'txt')).toBe('attachment.txt');
    expect(attachmentFileName('a\u0000b\u202Egnp.exe', 'png')).toBe('a_b_gnp.png');
  });
});

describe(attachmentDisposition.name, () => {
  it('is always an attachment, naming the file in UTF-8 with an ASCII fallback', () => {
    expect(attachmentDisposition('Größe (1).png')).toBe("attachment; filename=\"Gr__e (1).png\"; filename*=UTF-8''Gr%C3%B6%C3%9Fe%20%281%29.png");
    expect(attachmentDisposition('a"b.txt')).toBe("attachment; filename=\"a_b.txt\"; filename*=UTF-8''a%22b.txt");
  });
});
