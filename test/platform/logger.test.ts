import { createLogger, defaultLogFormat } from '../../platform/logger';
import { requestContext, requestIdFrom } from '../../platform/request-context';
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

describe('request ids and formats', () => {
  const capture = (format?: 'json' | 'pretty') => {
    const out: string[] = [];
    return { out, log: createLogger('info', 'api', { write: (line: string) => void out.push(line) }, format) };
  };

  it('put the id of the request being handled on every line written while handling it, and only then', async () => {
    const { out, log } = capture();
    log.info('before');
    await requestContext.run({ requestId: 'req-1' }, async () => {
      log.child({ component: 'api' }).info('inside');
      await new Promise((r) => setTimeout(r, 1));
      log.warn('after an await');
    });
    log.info('after');
    expect(out.map((l) => JSON.parse(l)).map((l) => [l.msg, l.requestId])).toEqual([
      ['before', undefined],
      ['inside', 'req-1'],
      ['after an await', 'req-1'],
      ['after', undefined],
    ]);
  });

  it("keep a caller's X-Request-Id only when it is short and plain", () => {
    expect(requestIdFrom('edge-1:abc.DEF_2@lb')).toBe('edge-1:abc.DEF_2@lb');
    for (const bad of [undefined, '', 'a b', 'x'.repeat(129), 'line\nbreak', 'nul\u0000', 'é', '\u001b[31mred', ['a', 'b']]) {
      expect(requestIdFrom(bad as string | undefined)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    }
  });

  it('forward the request id a workflow or activity line carries', () => {
    const lines: Array<Record<string, any>> = [];
    const forward = forwardTemporalLog(createLogger('info', 'temporal-sdk', { write: (line: string) => void lines.push(JSON.parse(line)) }));
    forward({ level: 'INFO', message: 'task completed', timestampNanos: 0n, meta: { sdkComponent: 'workflow', workflowId: 'journey:x:acquisition:1', requestId: 'req-9' } });
    expect(lines[0]).toMatchObject({ msg: 'task completed journey=journey:x:acquisition:1', requestId: 'req-9' });
  });

  it('print for people when asked (a terminal), JSON otherwise', () => {
    const pretty = capture('pretty');
    requestContext.run({ requestId: 'req-2' }, () => pretty.log.info({ journeyId: 'journey:x:acquisition:1' }, 'stage entered: discovery journey=journey:x:acquisition:1'));
    const text = pretty.out.join('');
    expect(() => JSON.parse(text)).toThrow();
    expect(text).toMatch(/INFO.*\(api\).*stage entered: discovery journey=journey:x:acquisition:1/);
    expect(text).toMatch(/requestId: "req-2"/);
    const json = capture();
    json.log.info('plain');
    expect(JSON.parse(json.out[0]!)).toMatchObject({ msg: 'plain', service: 'api' });
    expect(defaultLogFormat()).toBe(process.stdout.isTTY ? 'pretty' : 'json');
  });
});
