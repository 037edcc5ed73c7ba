// `npm run bench [-- name…]` (or KAAPPI_BENCH=name,…): runs the benchmarks (all, or those named),
// prints each one's table and writes test/bench/results/<name>.json. Add a benchmark by adding its
// module to the list.
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { environment, machineReference, type Benchmark } from './harness';
import { importBenchmark } from './import';
import { retentionBenchmark } from './retention';
import { searchBenchmark } from './search';
import { subjectPackageBenchmark } from './subject-package';
import { unlockBenchmark } from './unlock';

const benchmarks: Benchmark[] = [
  unlockBenchmark,
  searchBenchmark,
  retentionBenchmark,
  subjectPackageBenchmark,
  importBenchmark,
];

const resultsDir = fileURLToPath(new URL('./results/', import.meta.url));
const wanted = [...process.argv.slice(2), ...(process.env.KAAPPI_BENCH ?? '').split(',').filter(Boolean)];
const unknown = wanted.filter((name) => !benchmarks.some((b) => b.name === name));
if (unknown.length > 0) {
  console.error(`unknown benchmark: ${unknown.join(', ')} (known: ${benchmarks.map((b) => b.name).join(', ')})`);
  process.exit(2);
}

const env = environment();
console.log(`Kaappi benchmarks: node ${env.node}, ${env.cpu} ×${env.cpuCount}, ${env.platform}\n`);
mkdirSync(resultsDir, { recursive: true });
for (const benchmark of benchmarks.filter((b) => wanted.length === 0 || wanted.includes(b.name))) {
  try {
    const before = machineReference();
    const result = await benchmark.run();
    const after = machineReference();
    const file = `${resultsDir}${benchmark.name}.json`;
    const machine = { before, after };
    const json = {
      benchmark: benchmark.name,
      date: new Date().toISOString(),
      environment: env,
      machine,
      ...result.json,
    };
    writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`);
    const reference = (m: typeof before) => `scrypt ${m.scryptMs.toFixed(0)} ms, load ${m.loadAverage[0]}`;
    const machineLine = `machine reference before / after: ${reference(before)} / ${reference(after)}`;
    console.log([...result.report, machineLine, `→ ${file}`, ''].join('\n'));
  } catch (error) {
    // A benchmark that cannot run is a failure; a missed target is only reported.
    console.error(`${benchmark.name}: failed:`, error);
    process.exitCode = 1;
  }
}
