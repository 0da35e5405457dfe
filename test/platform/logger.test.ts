import { createLogger } from '../../platform/logger';
import { forwardTemporalLog } from '../../platform/temporal-runtime';

it('keeps credentials out of request logs', () => {
  const lines: string[] = [];
  const log = createLogger('info', 'test', { write: (line: string) => void lines.push(line) });
  log.info(
    {
      req: { headers: { authorization: 'Bearer pft_secret', cookie: 'pf_session=pfs_secret', host: 'example' } },
      res: { headers: { 'set-cookie': 'pf_session=pfs_secret2' } },
      body: { email: 'a@b.test', password: 'hunter2hunter2' },
    },
    'request',
  );
  expect(lines).toHaveLength(1);
  expect(lines[0]).not.toMatch(/secret|hunter2/);
  expect(JSON.parse(lines[0]!)).toMatchObject({ req: { headers: { host: 'example', authorization: '[redacted]' } }, body: { email: 'a@b.test' } });
});

describe('Temporal SDK logs', () => {
  const forwarded = (level: string) => {
    const lines: Array<Record<string, any>> = [];
    const forward = forwardTemporalLog(createLogger(level, 'temporal-sdk', { write: (line: string) => void lines.push(JSON.parse(line)) }));
    return { lines, forward };
  };
  const journeyId = 'journey:6f1c0a4e-0000-4000-8000-000000000000:acquisition:1';

  it('name the journey on the message and as a field, and leave the task token out', () => {
    const { lines, forward } = forwarded('info');
    forward({ level: 'INFO', message: 'stage entered: discovery', timestampNanos: 0n, meta: { sdkComponent: 'workflow', workflowId: journeyId, runId: 'r1', stage: 'discovery' } });
    forward({ level: 'WARN', message: 'activity failed', timestampNanos: 0n, meta: { sdkComponent: 'activity', workflowId: journeyId, taskToken: 'c2VjcmV0', error: new Error('boom') } });
    expect(lines).toEqual([
      expect.objectContaining({ level: 30, msg: `stage entered: discovery journey=${journeyId}`, journeyId, runId: 'r1', stage: 'discovery' }),
      expect.objectContaining({ level: 40, msg: `activity failed journey=${journeyId}`, journeyId, err: expect.objectContaining({ message: 'boom', stack: expect.any(String) }) }),
    ]);
    expect(lines[1]).not.toHaveProperty('taskToken');
  });

  it("keep the SDK's own INFO chatter out unless the level is debug", () => {
    const info = forwarded('info');
    info.forward({ level: 'INFO', message: 'Worker state changed', timestampNanos: 0n, meta: { sdkComponent: 'worker' } });
    info.forward({ level: 'WARN', message: 'Failing workflow task', timestampNanos: 0n, meta: { sdkComponent: 'core', runId: 'r1' } });
    expect(info.lines.map((l) => l.msg)).toEqual(['Failing workflow task']);
    const debug = forwarded('debug');
    debug.forward({ level: 'INFO', message: 'Worker state changed', timestampNanos: 0n, meta: { sdkComponent: 'worker' } });
    expect(debug.lines.map((l) => l.msg)).toEqual(['Worker state changed']);
  });
});
