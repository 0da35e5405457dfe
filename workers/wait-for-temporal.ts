// A worker replica may start before Temporal answers or before its namespace exists (compose starts
// workers once the server is up, while the namespace job may still be running; a VM's units start
// in any order). It waits, saying what it waits for, instead of exiting 1 and leaving a restart
// policy to guess.
import { NativeConnection } from '@temporalio/worker';
import type { Logger } from '../platform/logger';

const NOT_FOUND = 5;
const RETRY_MS = 2_000;
/** Log the wait on the first attempt and then every this many. */
const LOG_EVERY = 5;

export async function connectWhenNamespaceExists(address: string, namespace: string, log: Logger): Promise<NativeConnection> {
  for (let attempt = 0; ; attempt++) {
    let connection: NativeConnection | undefined;
    try {
      connection = await NativeConnection.connect({ address });
      await connection.workflowService.describeNamespace({ namespace });
      if (attempt > 0) log.info({ address, namespace }, 'Temporal answers and the namespace exists');
      return connection;
    } catch (err) {
      await connection?.close().catch(() => undefined);
      if (attempt % LOG_EVERY === 0) {
        const missing = (err as { code?: number }).code === NOT_FOUND;
        log.warn(
          { address, namespace, error: (err as Error).message },
          missing ? `waiting for the namespace ${namespace} to be created` : `waiting for Temporal at ${address}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
    }
  }
}
