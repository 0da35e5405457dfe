// A TCP port free on 127.0.0.1 right now, for the throwaway servers of `npm test` and the start check.
import net from 'node:net';

const tryPort = (port: number): Promise<number> =>
  new Promise((resolve, reject) => {
    const srv = net.createServer().listen(port, '127.0.0.1', () => {
      const { port: bound } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(bound));
    });
    srv.on('error', reject);
  });

/** Any free port (the system picks one of its ephemeral ports). */
export const freePort = (): Promise<number> => tryPort(0);

/**
 * A free port below the ephemeral range, for a server that stores its ports in a smallint (the
 * Temporal server's cluster membership table) and so cannot take one of 32768 or above.
 */
export async function freeLowPort(): Promise<number> {
  for (let attempt = 0; ; attempt++) {
    const candidate = 20_000 + Math.floor(Math.random() * 12_000);
    try {
      return await tryPort(candidate);
    } catch (err) {
      if (attempt >= 50) throw err;
    }
  }
}
