import { describe, expect, it } from 'vitest';
import { bufferedLogger, formatLogLine } from '../../proxy/log';

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
