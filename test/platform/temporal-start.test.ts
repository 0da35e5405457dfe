// The SDK gives a Temporal server a fixed 5 s to answer; a busy machine's dev server can take
// longer. A start that timed out is tried again (three times in all); any other failure is final.
import { startWithinSdkDeadline } from '../../platform/temporal-dev-server';

const timedOut = () => new Error('Failed to start ephemeral server: ephemeral server at 127.0.0.1:43411 did not start within 5s.');

it('starts again after the SDK timed out, up to three times in all', async () => {
  let calls = 0;
  const server = await startWithinSdkDeadline(async () => {
    calls++;
    if (calls < 3) throw timedOut();
    return 'running';
  });
  expect([server, calls]).toEqual(['running', 3]);

  calls = 0;
  await expect(
    startWithinSdkDeadline(async () => {
      calls++;
      throw timedOut();
    }),
  ).rejects.toThrow('did not start within');
  expect(calls).toBe(3);
});

it('gives up at once on any other failure', async () => {
  let calls = 0;
  await expect(
    startWithinSdkDeadline(async () => {
      calls++;
      throw new Error('ephemeral server executable does not exist: /nowhere/temporal');
    }),
  ).rejects.toThrow('does not exist');
  expect(calls).toBe(1);
});
