// The project's folder (where package.json is), from wherever this file runs: the source under tsx,
// or its compiled copy under dist/server/ in the image. Files read at run time (the admin UI's build,
// the API reference page, package.json) are found from here, not from a module's own folder.
import fs from 'node:fs';
import path from 'node:path';

function findRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'prisma', 'schema.prisma'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`No project folder (package.json beside prisma/) above ${from}`);
  }
}

export const PROJECT_ROOT = findRoot(__dirname);
