import { describe, expect, it } from 'vitest';
import { describeChange, formatAge, formatBytes, formatJsonValue, formatLag, statusTone, watchSummary } from './admin-format';

describe('admin formatting', () => {
  it('writes byte counts in binary units with one decimal', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KiB');
    expect(formatBytes(123_456_789)).toBe('117.7 MiB');
    expect(formatBytes(null)).toBe('—');
  });

  it('writes ages in seconds under a minute, then minutes, hours and days', () => {
    expect(formatAge(1.25)).toBe('1.3 s');
    expect(formatAge(125)).toBe('2 min');
    expect(formatAge(7300)).toBe('2 h');
    expect(formatAge(200_000)).toBe('2 d');
    expect(formatAge(null)).toBe('—');
  });

  it('says level for a caught-up gateway and how far behind otherwise', () => {
    expect(formatLag(0, false)).toBe('level');
    expect(formatLag(250, true)).toBe('250 ms behind');
    expect(formatLag(2500, true)).toBe('2.5 s behind');
    expect(formatLag(null, false)).toBe('—');
  });

  it('gives each status a tone: healthy ok, degraded warn, down and failed bad, unknown muted', () => {
    expect(['healthy', 'degraded', 'down', 'failed', 'unknown', 'fresh', 'stale', 'missing'].map((s) => statusTone(s as Parameters<typeof statusTone>[0]))).toEqual(['ok', 'warn', 'bad', 'bad', 'muted', 'ok', 'warn', 'bad']);
  });

  it('explains a missing or stale watch report', () => {
    expect(watchSummary('absent', null)).toContain('not running');
    expect(watchSummary('stale', 75)).toContain('1 min old');
    expect(watchSummary('fresh', 1.2)).toBe('Watch reported 1.2 s ago.');
  });

  it('describes truth changes from the loaded side to the files', () => {
    expect(describeChange('added')).toBe('only in the files');
    expect(describeChange('removed')).toBe('only loaded');
  });

  it('shows JSON values on one line, cut when long', () => {
    expect(formatJsonValue(['SPX', 'NDX'])).toBe('["SPX","NDX"]');
    expect(formatJsonValue('x'.repeat(100), 10)).toBe('"xxxxxxxx…');
    expect(formatJsonValue(undefined)).toBe('—');
  });
});
