import { describe, expect, it } from 'vitest';
import { bufferedLogger, formatLogLine, isoTime } from '../../proxy/log';

describe('bufferedLogger', () => {
  it('writes the lines of an interval in one call, in order, and flushes on demand', async () => {
    const writes: string[] = [];
    const logger = bufferedLogger((t) => writes.push(t), 30);
    logger.log('a');
    logger.log('b');
    expect(writes).toEqual([]);
    await new Promise((r) => setTimeout(r, 60));
    expect(writes).toEqual(['a\nb\n']);
    logger.log('c');
    logger.flush();
    expect(writes).toEqual(['a\nb\n', 'c\n']);
    logger.flush();
    expect(writes).toHaveLength(2);
  });

  it('writes at once when 64 KiB are waiting', () => {
    const writes: string[] = [];
    const logger = bufferedLogger((t) => writes.push(t), 60_000);
    const line = 'x'.repeat(1023);
    for (let i = 0; i < 64; i++) logger.log(line);
    expect(writes).toHaveLength(1);
    expect(writes[0].split('\n')).toHaveLength(65);
    logger.flush();
  });
});

describe('formatLogLine', () => {
  it('keeps one line and a bounded path, whatever the path holds', () => {
    const line = formatLogLine({
      start: new Date(0),
      method: 'GET',
      path: `/v1/a\nb${'c'.repeat(500)}`,
      status: 200,
      durationMs: 1.25,
      bytes: 10,
    });
    expect(line.split('\n')).toHaveLength(1);
    expect(line.length).toBeLessThan(300);
    expect(line.startsWith('1970-01-01T00:00:00.000Z GET /v1/a?b')).toBe(true);
  });
});

describe('isoTime', () => {
  it('is toISOString of the same instant, also across seconds, days and back in time', () => {
    const instants = [0, 999, 1000, 1001, 59_999, 86_399_999, 86_400_000, 1_764_709_200_123, 1_764_709_199_999];
    for (let i = 0; i < 500; i++) instants.push(1_764_709_200_000 + i * 7 + (i % 3) * 1000);
    for (const ms of [...instants, ...[...instants].reverse()]) expect(isoTime(ms)).toBe(new Date(ms).toISOString());
  });

  it('gives the log line the same time for a Date and for its milliseconds', () => {
    const entry = { method: 'GET', path: '/v1/x', status: 200, durationMs: 1, bytes: 1 };
    const at = 1_764_709_200_045;
    expect(formatLogLine({ ...entry, start: at })).toBe(formatLogLine({ ...entry, start: new Date(at) }));
  });
});
