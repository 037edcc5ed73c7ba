// Measuring one app call against its raw floor on a bare connection: the statements the call ran
// replayed (search, person view), or hand-written SQL for the same answer (views). They alternate.
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3-multiple-ciphers';
import type { Registry } from '../../src-main/ipc/registry';
import { summarise, type Summary } from './harness';
import { queryPlan, replayer, type CapturedStatement, type StatementRecorder } from './sql-capture';

export interface Call {
  channel: 'persons.search' | 'persons.get';
  input: unknown;
}

export interface Measured {
  app: Summary;
  floor: Summary;
  /** The floor without the audit entry's write and commit, for persons.get. */
  floorReadsOnly?: Summary;
  samples: number;
  /** persons.search's `total` for each distinct input, as a median. */
  matches?: number;
  /** The recorded SQL of the first input, with its query plans. */
  statements: Array<{ sql: string; params: unknown[]; plan: string[] }>;
}

/** Fewest samples a row gets, however slow its call. */
const MIN_SAMPLES = 10;

export interface MeasureOptions {
  samples: number;
  /** Stop early (after MIN_SAMPLES, or minSamples) when this much time has gone, for very slow calls. */
  budgetMs: number;
  minSamples?: number;
}

/** personDetail appends an audit entry: the floor appends one too, with the next id and hash. */
const LAST_AUDIT_ENTRY = /^select "id", "hash" from "audit_log" order by "audit_log"\."id" desc limit \?$/;
const AUDIT_INSERT = /^insert into "audit_log" \(([^)]*)\)/;

/**
 * Times `app` and `floor` in alternating order (A/B, then B/A), so drift in the machine's load falls
 * on both alike; `after(i)` runs untimed extras. Stops after `samples`, or early once past the
 * minimum and the budget.
 */
async function alternate(
  app: (i: number) => Promise<unknown>,
  floor: (i: number) => unknown,
  options: MeasureOptions,
  after: (i: number) => void = () => undefined,
): Promise<{ app: number[]; floor: number[] }> {
  const appSamples: number[] = [];
  const floorSamples: number[] = [];
  const start = performance.now();
  for (let i = 0; i < options.samples; i++) {
    const timeApp = async () => {
      const t = performance.now();
      await app(i);
      appSamples.push(performance.now() - t);
    };
    const timeFloor = () => {
      const t = performance.now();
      floor(i);
      floorSamples.push(performance.now() - t);
    };
    if (i % 2 === 0) {
      await timeApp();
      timeFloor();
    } else {
      timeFloor();
      await timeApp();
    }
    after(i);
    if (i >= (options.minSamples ?? MIN_SAMPLES) - 1 && performance.now() - start > options.budgetMs) break;
  }
  return { app: appSamples, floor: floorSamples };
}

function auditInsertParams(statement: CapturedStatement, last: unknown): unknown[] {
  const columns = AUDIT_INSERT.exec(statement.sql)![1]!
    .split(',')
    .map((column) => column.trim().replace(/"/g, ''));
  const [lastId, lastHash] = Array.isArray(last) ? last : [];
  const params = [...statement.params];
  params[columns.indexOf('id')] = Number(lastId) + 1;
  params[columns.indexOf('prev_hash')] = lastHash;
  params[columns.indexOf('hash')] = createHash('sha256').update(JSON.stringify(params)).digest('hex');
  return params;
}

export class CallMeasurer {
  private readonly replay: ReturnType<typeof replayer>;
  private readonly recorded = new Map<string, CapturedStatement[]>();

  constructor(
    private readonly registry: Registry,
    private readonly recorder: StatementRecorder,
    private readonly raw: Database.Database,
  ) {
    this.replay = replayer(raw);
  }

  private async app(call: Call): Promise<unknown> {
    const result = await this.registry.invoke(call.channel, call.input);
    if (!result.ok) throw new Error(`${call.channel}: ${result.error.code} ${result.error.message}`);
    return result.value;
  }

  /** Calls once, recording the statements; this is also the warm-up. */
  private async statementsOf(call: Call): Promise<CapturedStatement[]> {
    const key = JSON.stringify(call);
    let statements = this.recorded.get(key);
    if (!statements) {
      statements = (await this.recorder.record(() => this.app(call))).statements;
      if (statements.length === 0) throw new Error(`${call.channel}: no statements recorded`);
      if (call.channel === 'persons.get') {
        const shape = statements.map((s) => s.sql);
        if (!shape.some((sql) => LAST_AUDIT_ENTRY.test(sql)) || !shape.some((sql) => AUDIT_INSERT.test(sql))) {
          throw new Error(
            `persons.get no longer writes its audit entry as this bench expects; update search-measure.ts:\n${shape.join('\n')}`,
          );
        }
      }
      this.recorded.set(key, statements);
    }
    return statements;
  }

  private floor(statements: CapturedStatement[], readsOnly = false): void {
    if (readsOnly) {
      for (const statement of statements) if (statement.method !== 'run') this.replay(statement);
      return;
    }
    const writes = statements.some((statement) => statement.method === 'run');
    const run = () => {
      let lastAudit: unknown;
      for (const statement of statements) {
        if (AUDIT_INSERT.test(statement.sql)) this.replay(statement, auditInsertParams(statement, lastAudit));
        else {
          const result = this.replay(statement);
          if (LAST_AUDIT_ENTRY.test(statement.sql)) lastAudit = result;
        }
      }
    };
    // core's register.transaction() is BEGIN IMMEDIATE; the floor's write pays the same commit.
    if (writes) this.raw.transaction(run).immediate();
    else run();
  }

  async measure(calls: Call[], options: MeasureOptions): Promise<Measured> {
    // One at a time: a recording must see only its own call's statements.
    const statements: CapturedStatement[][] = [];
    for (const call of calls) statements.push(await this.statementsOf(call));
    const readsOnly: number[] = [];
    const { app, floor } = await alternate(
      (i) => this.app(calls[i % calls.length]!),
      (i) => this.floor(statements[i % calls.length]!),
      options,
      (i) => {
        if (calls[i % calls.length]!.channel !== 'persons.get') return;
        const t = performance.now();
        this.floor(statements[i % calls.length]!, true);
        readsOnly.push(performance.now() - t);
      },
    );
    const totals = statements
      .map((recorded) => recorded.find((s) => /^select count\(\*\)/.test(s.sql)))
      .filter((s): s is CapturedStatement => s !== undefined)
      .map((s) => this.countOf(s));
    const first = statements[0] ?? [];
    return {
      app: summarise(app),
      floor: summarise(floor),
      ...(readsOnly.length > 0 ? { floorReadsOnly: summarise(readsOnly) } : {}),
      samples: app.length,
      ...(totals.length > 0 ? { matches: summarise(totals).median } : {}),
      statements: first
        .filter((s) => s.method !== 'run')
        .map((s) => ({ sql: s.sql, params: s.params, plan: queryPlan(this.raw, s) })),
    };
  }

  /**
   * A view against its hand-written floor: the floor must give the app's answer (count and page
   * ids), checked once, then the two alternate. Plans are the app's statements then the floor's.
   */
  async measureAgainst(
    call: Call,
    floor: () => { total: number | null; ids: number[] },
    floorStatements: Array<{ sql: string; params: unknown[] }>,
    options: MeasureOptions,
  ): Promise<Measured> {
    const statements = await this.statementsOf(call);
    const answer = (await this.app(call)) as { total: number | null; rows: Array<{ id: number }> };
    const expected = JSON.stringify({ total: answer.total, ids: answer.rows.map((row) => row.id) });
    const floorAnswer = JSON.stringify(floor());
    if (floorAnswer !== expected) {
      throw new Error(`the floor of ${JSON.stringify(call.input)} answers differently:
${floorAnswer}
vs app
${expected}`);
    }
    const { app, floor: floorSamples } = await alternate(() => this.app(call), floor, options);
    const plan = (sql: string, params: unknown[]) => ({
      sql,
      params,
      plan: queryPlan(this.raw, { sql, params, method: 'all', raw: false }),
    });
    return {
      app: summarise(app),
      floor: summarise(floorSamples),
      samples: app.length,
      ...(answer.total === null ? {} : { matches: answer.total }),
      statements: [
        ...statements.filter((s) => s.method !== 'run').map((s) => plan(s.sql, s.params)),
        ...floorStatements.map((s) => plan(s.sql, s.params)),
      ],
    };
  }

  /**
   * Any app call against its hand-written floor: both answers (as JSON) must be equal, checked
   * once, then the two alternate. `matches` is the count the answer carries.
   */
  async measurePair(
    app: () => Promise<unknown>,
    floor: () => unknown,
    floorSql: string[],
    floorParams: Record<string, unknown>,
    matches: (answer: unknown) => number,
    options: MeasureOptions,
  ): Promise<Measured> {
    const appAnswer = await app();
    const expected = JSON.stringify(appAnswer);
    const floorAnswer = JSON.stringify(floor());
    if (floorAnswer !== expected) {
      throw new Error(
        `the floor answers differently:\n${floorAnswer.slice(0, 2000)}\nvs app\n${expected.slice(0, 2000)}`,
      );
    }
    const { app: appSamples, floor: floorSamples } = await alternate(app, floor, options);
    return {
      app: summarise(appSamples),
      floor: summarise(floorSamples),
      samples: appSamples.length,
      matches: matches(appAnswer),
      statements: floorSql.map((sql) => {
        const params = Object.fromEntries(
          Object.entries(floorParams).filter(([name]) => new RegExp(`:${name}\\b`).test(sql)),
        );
        const bound = Object.keys(params).length > 0 ? [params] : [];
        return { sql, params: bound, plan: queryPlan(this.raw, { sql, params: bound, method: 'all', raw: false }) };
      }),
    };
  }

  private countOf(statement: CapturedStatement): number {
    const row = this.replay(statement);
    return Number(Array.isArray(row) ? row[0] : Object.values(row as object)[0]);
  }
}
