// Every benchmark's figures in one JSON file (bench/results/latest.json), with the machine they
// ran on, so two runs can be compared figure by figure. Each benchmark replaces its own entry.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const FILE = path.join(__dirname, 'results', 'latest.json');

type Results = { machine: Record<string, unknown>; benchmarks: Record<string, { at: string; figures: Record<string, number | string> }> };

export function recordResults(benchmark: string, figures: Record<string, number | string>): void {
  let results: Results = { machine: {}, benchmarks: {} };
  try {
    results = JSON.parse(fs.readFileSync(FILE, 'utf8')) as Results;
  } catch {
    // No results yet (or unreadable): start afresh.
  }
  results.machine = { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.platform()} ${os.release()}` };
  const rounded = Object.fromEntries(Object.entries(figures).map(([k, v]) => [k, typeof v === 'number' ? Math.round(v * 100) / 100 : v]));
  results.benchmarks[benchmark] = { at: new Date().toISOString(), figures: rounded };
  fs.mkdirSync(path.dirname(FILE), { recursive: true });
  fs.writeFileSync(FILE, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`  figures written to ${path.relative(process.cwd(), FILE)} (${benchmark})`);
}
