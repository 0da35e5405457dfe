// Runs the Prisma CLI on its offline path: the schema engine runs as WebAssembly (prisma.config.ts),
// and the native-engine variables point at a dummy path so the CLI never tries to download them.
import { spawn } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '..');
// Any existing file will do: the CLI only checks the path exists, and never runs it on this path.
const DUMMY_ENGINE = path.join(root, 'prisma', 'schema.prisma');

export function runPrisma(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const bin = path.join(root, 'node_modules', 'prisma', 'build', 'index.js');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {
      cwd: root,
      env: {
        ...env,
        PRISMA_SCHEMA_ENGINE_BINARY: DUMMY_ENGINE,
        PRISMA_QUERY_ENGINE_LIBRARY: DUMMY_ENGINE,
        PRISMA_HIDE_UPDATE_MESSAGE: '1',
        CHECKPOINT_DISABLE: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`prisma ${args.join(' ')} failed (exit ${code}):\n${out}`)),
    );
  });
}
