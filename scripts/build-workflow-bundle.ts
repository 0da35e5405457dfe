// `npm run build:workflows [file]`: the journeys' workflow bundle, built once (with the image) so that
// each worker replica loads it (WORKFLOW_BUNDLE) instead of bundling at start (seconds and hundreds
// of MB per replica). Default file: dist/workflow-bundle.js.
import fs from 'node:fs';
import path from 'node:path';
import { bundleJourneyWorkflows } from '../workers/journey-worker';

async function main() {
  const file = path.resolve(process.argv[2] ?? path.join(__dirname, '..', 'dist', 'workflow-bundle.js'));
  console.log('▶ Bundling the journey workflows');
  const { code } = await bundleJourneyWorkflows();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, code);
  console.log(`  ${file} (${(code.length / 1024 / 1024).toFixed(1)} MB): set WORKFLOW_BUNDLE to it`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
