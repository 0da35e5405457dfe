import { createLogger } from '../../platform/logger';

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
