// Shared pieces of the benchmarks: what a benchmark returns, timing, summary statistics, and a
// description of the machine so a figure in results/ can be compared with another one.
import { scryptSync } from 'node:crypto';
import { cpus, loadavg, platform, release, tmpdir, totalmem } from 'node:os';
import { OWASP_SCRYPT } from '../../src-main/core/keyring';

export interface BenchmarkResult {
  /** Printed to stdout as they are. */
  report: string[];
  /** Written to test/bench/results/<name>.json, with the date and the environment added. */
  json: Record<string, unknown>;
}

export interface Benchmark {
  /** Also the name of its results file. */
  name: string;
  run(): Promise<BenchmarkResult>;
}

export interface Summary {
  median: number;
  p95: number;
  min: number;
  max: number;
  /** Milliseconds, in the order measured. */
  samples: number[];
}

const round = (ms: number) => Math.round(ms * 100) / 100;

/** Nearest-rank percentile: with 15 samples, p95 is the 15th (the largest) and the median the 8th. */
function percentile(sorted: number[], p: number): number {
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] ?? Number.NaN;
}

export function summarise(samples: number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    median: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    min: round(sorted[0] ?? Number.NaN),
    max: round(sorted.at(-1) ?? Number.NaN),
    samples: samples.map(round),
  };
}

export async function timeMs(run: () => Promise<unknown> | unknown): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

export function environment() {
  return {
    node: process.version,
    platform: `${platform()} ${release()}`,
    arch: process.arch,
    cpu: cpus()[0]?.model ?? 'unknown',
    cpuCount: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    tmpdir: tmpdir(),
  };
}

/**
 * How fast this machine is right now, by a fixed piece of work: the app's own password hash
 * (scrypt N=2^17, r=8, p=1: CPU and 128 MiB of memory traffic), the median of three, with the
 * load average. The same code measures differently on this shared machine from day to day (the
 * hash took about 400 ms on some days and 530-810 ms on others), so a figure in results/ is read
 * beside this one.
 */
export function machineReference(): { scryptMs: number; loadAverage: number[] } {
  const { N, r, p } = OWASP_SCRYPT;
  const samples = [0, 1, 2].map(() => {
    const start = performance.now();
    scryptSync('reference', 'salt', 32, { N, r, p, maxmem: 256 * 2 ** 20 });
    return performance.now() - start;
  });
  return { scryptMs: summarise(samples).median, loadAverage: loadavg().map((load) => round(load)) };
}

/** A plain-text table with right-aligned numbers. */
export function table(header: string[], rows: Array<Array<string | number>>): string[] {
  const cells = [header, ...rows.map((row) => row.map((cell) => (typeof cell === 'number' ? cell.toFixed(1) : cell)))];
  const widths = header.map((_, column) => Math.max(...cells.map((row) => row[column]?.length ?? 0)));
  return cells.map((row) =>
    row
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0)))
      .join('  '),
  );
}
