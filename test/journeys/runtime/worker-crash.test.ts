// Durable execution, shown: worker processes are killed (SIGKILL, no goodbye) in the middle of a
// journey; new ones take over and the journey finishes with nothing lost and nothing done twice.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { startHarness, type Harness } from '../../support/harness';
import { eventually } from '../../support/http';
import { discoveryMeeting, followUpQualified, lead } from '../../support/fixtures';

const root = path.resolve(__dirname, '..', '..', '..');
let h: Harness;
const workers: ChildProcess[] = [];

beforeAll(async () => {
  h = await startHarness({ worker: false });
});
afterAll(async () => {
  for (const w of workers) w.kill('SIGKILL');
  await h?.stop();
});

/** Starts `npm run worker`'s entry point as its own OS process and waits until it polls. */
function startWorkerProcess(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'workers/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      TEMPORAL_ADDRESS: h.env.address,
      TEMPORAL_TASK_QUEUE: h.taskQueue,
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  workers.push(child);
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('worker started')) resolve(child);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`worker exited early (${code}):\n${output}`)));
  });
}

function kill(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.on('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

it('finishes the journey with every step done exactly once across worker crashes', async () => {
  const api = h.as('sales');
  const openTask = (journeyId: string, type: string) =>
    eventually(
      () => h.db.task.findFirst({ where: { journeyId, type, status: 'OPEN' } }),
      (t) => t !== null,
      60_000,
    ).then((t) => t!);

  const first = await startWorkerProcess();
  const { status, body } = await api('POST', '/api/leads', lead());
  expect(status).toBe(201);
  // Crash while the journey runs its first activities.
  await kill(first);

  await startWorkerProcess();
  const followUp = await openTask(body.journeyId, 'follow-up-call');
  expect((await api('POST', `/api/tasks/${followUp.id}/complete`, { result: followUpQualified })).status).toBe(200);
  const discovery = await openTask(body.journeyId, 'discovery-meeting');

  // Crash while the journey waits on a person; the completion is sent while no worker runs.
  await kill(workers.at(-1)!);
  // The API waits a bounded time for the journey: the answer is 200 if the new worker is up in
  // time, else 503 with Retry-After saying it may still be applied — and it then is, once.
  const completion = api('POST', `/api/tasks/${discovery.id}/complete`, { result: discoveryMeeting });
  await startWorkerProcess();
  const answer = await completion;
  expect([200, 503]).toContain(answer.status);
  if (answer.status === 503) {
    expect(answer.headers.get('retry-after')).toBe('5');
    expect(answer.body.error.message).toMatch(/may still be applied/);
  }

  // The journey moves on to the proposal: its first task appears, once.
  await openTask(body.journeyId, 'prepare-quote');
  const events = await h.db.journeyEvent.findMany({ where: { journeyId: body.journeyId }, orderBy: { id: 'asc' } });
  expect(events.map((e) => e.type)).toEqual([
    'lead_received',
    'stage_entered',
    'task_created',
    'task_completed',
    'stage_entered',
    'task_created',
    'task_completed',
    'stage_entered',
    'task_created',
  ]);
  const tasks = await h.db.task.findMany({ where: { journeyId: body.journeyId }, orderBy: { createdAt: 'asc' } });
  expect(tasks.map((t) => [t.type, t.status])).toEqual([
    ['follow-up-call', 'COMPLETED'],
    ['discovery-meeting', 'COMPLETED'],
    ['prepare-quote', 'OPEN'],
  ]);
  expect(await h.db.email.count({ where: { journeyId: body.journeyId } })).toBe(1); // the welcome email, once
  const journey = await h.db.journey.findUniqueOrThrow({ where: { id: body.journeyId } });
  expect(journey).toMatchObject({ status: 'RUNNING', stage: 'proposal' });
}, 180_000);
