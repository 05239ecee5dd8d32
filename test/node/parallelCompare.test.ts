import { describe, expect, it } from "vitest";
import { compare, createModel, FundingInputError, generateCaseload, parseScenario, runScenario, sensitivity, type ModelConfig, type Uncertain } from "../../src/index.js";
import { compareInWorkers, openWorkerPool, runScenarioInWorkers, sensitivityInWorkers, type WorkerPool } from "../../src/node/index.js";
import type { Worker } from "node:worker_threads";
import { SMALL_SPEC } from "../support/examples.js";

// Seven runs of the small spec, four models, cost prices, a budget, behaviour responses and an
// uncertain tariff: everything the comparison assembles from its runs (summaries, risk, draws,
// warnings, run 0's projections and delivered caseloads) is in play.
const TARIFF = { distribution: "triangular", min: 60, mode: 70, max: 80, as: "euros" } as const;
const MODELS: Uncertain<ModelConfig>[] = [
  { kind: "task", budgets: [{ provider: "P0", perYear: "40000.00" }] },
  { kind: "effort", tariffs: [{ careForm: "ambulant", tariff: TARIFF }] },
  { kind: "output", prices: [{ profile: "licht", price: "1500.00" }] },
  { kind: "trajectory", amounts: [{ amount: "1400.00" }] },
];
const OPTIONS = {
  seed: 11,
  runs: 7,
  keepProjections: true,
  costPrices: { prices: [{ careForm: "ambulant" as const, price: "66.00" }] },
  budget: { perYear: "45000.00" },
  behaviour: "literature-central" as const,
};

/** The input error a call throws (or rejects with), with its class checked. */
async function inputError(fn: () => unknown): Promise<FundingInputError> {
  try {
    await fn();
  } catch (e) {
    expect(e).toBeInstanceOf(FundingInputError);
    return e as FundingInputError;
  }
  throw new Error("expected a FundingInputError");
}

describe("compareInWorkers", () => {
  const serial = compare(SMALL_SPEC, MODELS, OPTIONS);

  it("gives exactly what compare gives, with 1, 2 and 3 workers, reporting progress run by run", async () => {
    expect(serial.uncertainty?.draws).toHaveLength(7);
    expect(serial.risk).not.toBeNull();
    for (const workers of [1, 2, 3]) {
      const progress: [number, number][] = [];
      const parallel = await compareInWorkers(SMALL_SPEC, MODELS, OPTIONS, { workers, onRun: (done, total) => progress.push([done, total]) });
      expect(parallel).toStrictEqual(serial);
      expect(progress).toEqual(Array.from({ length: 7 }, (_, i) => [i + 1, 7]));
    }
  });

  it("takes a built caseload too (typed arrays cross the thread)", async () => {
    const caseload = generateCaseload(SMALL_SPEC, 5);
    const options = { runs: 3, seed: 5 };
    expect(await compareInWorkers(caseload, MODELS, options, { workers: 2 })).toStrictEqual(compare(caseload, MODELS, options));
  });

  it("rejects with the error compare throws when a draw makes an input invalid in a run", async () => {
    // A normal tariff of mean €1 and sd €5 draws a negative tariff in some of 12 runs, the first
    // here in run 5 (seed 111), which a worker other than the first runs; compare stops at the
    // first, and so must the workers.
    const wide: Uncertain<ModelConfig> = { kind: "effort", tariffs: [{ careForm: "ambulant", tariff: { distribution: "normal", mean: 1, sd: 5, as: "euros" } }] };
    const options = { seed: 107, runs: 12 };
    const expected = await inputError(() => compare(SMALL_SPEC, [wide], options));
    expect(expected.subject).toMatch(/^models\[0\] in run \d+ \(seed \d+\)$/);
    expect(expected.subject).not.toMatch(/in run 1 /);
    const got = await inputError(() => compareInWorkers(SMALL_SPEC, [wide], options, { workers: 3 }));
    expect(got.subject).toBe(expected.subject);
    expect(got.issues).toStrictEqual(expected.issues);
    expect(got.message).toBe(expected.message);
  });

  it("reports input errors before starting a worker, as compare does", async () => {
    const bad: Uncertain<ModelConfig> = { kind: "effort", tariffs: [{ careForm: "ambulant", tariff: "-1.00" }] };
    const expected = await inputError(() => compare(SMALL_SPEC, [bad], OPTIONS));
    const got = await inputError(() => compareInWorkers(SMALL_SPEC, [bad], OPTIONS));
    expect([got.subject, got.issues]).toStrictEqual([expected.subject, expected.issues]);
    const workers = await inputError(() => compareInWorkers(SMALL_SPEC, MODELS, OPTIONS, { workers: 0 }));
    expect(workers.issues).toMatchObject([{ path: ["workers"] }]);
  });

  it("refuses a built FundingModel, naming it and saying to pass its config, whatever the number of workers", async () => {
    const built = createModel(MODELS[3] as ModelConfig);
    for (const workers of [1, 2]) {
      const e = await inputError(() => compareInWorkers(SMALL_SPEC, [MODELS[0]!, built as unknown as ModelConfig], OPTIONS, { workers }));
      expect(e.subject).toBe("models[1]");
      expect(e.issues).toMatchObject([{ path: ["models", 1], message: expect.stringMatching(/pass its config/) }]);
    }
  });
});

describe("sensitivityInWorkers", () => {
  // Two uncertain parameters (the tariff, and a cost price named so the grid can pick it): a
  // tornado of 1 + 2 × 2 runs and a 3 × 3 two-way grid, on the first run's caseload.
  const options = {
    ...OPTIONS,
    costPrices: { prices: [{ careForm: "ambulant" as const, price: { distribution: "uniform" as const, min: 55, max: 75, as: "euros" as const, name: "kostprijs" } }] },
  };
  const asked = { metrics: ["totalPaid", "providerMargin"] as const, twoWay: ["models[1].tariffs[0].tariff", "kostprijs"] as [string, string], steps: 3 };
  const serial = sensitivity(SMALL_SPEC, MODELS, options, { ...asked, metrics: [...asked.metrics] });

  it("gives exactly what sensitivity gives, with 1 and 2 workers, counting its runs", async () => {
    // Four models × two metrics (the task model has a margin too: cost prices are given).
    expect(serial.tornadoes).toHaveLength(8);
    expect(serial.twoWay[0]!.result.cells.flat()).toHaveLength(9);
    for (const workers of [1, 2]) {
      const progress: number[] = [];
      const parallel = await sensitivityInWorkers(SMALL_SPEC, MODELS, options, { ...asked, metrics: [...asked.metrics] }, { workers, onRun: (done) => progress.push(done) });
      expect(parallel).toStrictEqual(serial);
      // The base case, each parameter at P5 and P95, and the grid's 9 cells.
      expect(progress).toEqual(Array.from({ length: 1 + 4 + 9 }, (_, i) => i + 1));
    }
  });

  it("reports its input errors as sensitivity does", async () => {
    const expected = await inputError(() => sensitivity(SMALL_SPEC, MODELS, options, { twoWay: ["models[1].tariffs[0].tariff", "nope"] }));
    const got = await inputError(() => sensitivityInWorkers(SMALL_SPEC, MODELS, options, { twoWay: ["models[1].tariffs[0].tariff", "nope"] }, { workers: 2 }));
    expect([got.subject, got.issues]).toStrictEqual([expected.subject, expected.issues]);
    const none = await inputError(() => sensitivityInWorkers(SMALL_SPEC, [MODELS[0]!], { runs: 2 }, {}, { workers: 2 }));
    expect(none.issues).toMatchObject([{ message: expect.stringMatching(/^no uncertain parameters/) }]);
  });
});

describe("runScenarioInWorkers", () => {
  it("gives exactly what runScenario gives for a scenario with reforms and a sensitivity analysis", async () => {
    const definition = parseScenario(
      {
        name: "workers",
        caseload: { spec: SMALL_SPEC },
        models: MODELS,
        options: { ...OPTIONS, runs: 3, keepProjections: false },
        reforms: [{ name: "duurder", changes: [{ path: "models[3].amounts[0].amount", value: "1500.00" }] }],
        sensitivity: { metrics: ["totalPaid"] },
      },
      { kind: "comparison" },
    );
    const resolved = { source: null, caseload: null, definition };
    const serial = runScenario(resolved);
    expect(serial.sensitivity?.tornadoes).toHaveLength(4);
    expect(serial.reforms?.steps).toHaveLength(2);
    const progress: [number, number][] = [];
    expect(await runScenarioInWorkers(resolved, { workers: 2, onRun: (done, total) => progress.push([done, total]) })).toStrictEqual(serial);
    // 2 steps × 3 runs, then the tornado's base case and its one parameter (the tariff) at P5 and P95.
    expect(progress.at(5)).toEqual([6, 6]);
    expect(progress.slice(6)).toEqual([
      [7, 9],
      [8, 9],
      [9, 9],
    ]);
  });
});

describe("openWorkerPool", () => {
  /** The pool's threads, by id (read from its internals: which threads ran is not part of the API). */
  const threadIds = (pool: WorkerPool): number[] => (pool as unknown as { slots: { worker: Worker }[] }).slots.map((s) => s.worker.threadId);

  it("keeps its threads from one comparison to the next, each result as compare gives it, and starts anew after close", async () => {
    const pool = openWorkerPool(2);
    try {
      expect([pool.size, pool.threads]).toEqual([2, 0]);
      const first = { ...OPTIONS, runs: 3 };
      expect(await compareInWorkers(SMALL_SPEC, MODELS, first, { pool })).toStrictEqual(compare(SMALL_SPEC, MODELS, first));
      const threads = threadIds(pool);
      expect(threads).toHaveLength(2);
      // Other inputs on the same threads: each worker plans the new comparison before its runs.
      const second = { seed: 3, runs: 4 };
      const models = [MODELS[1]!, MODELS[3]!];
      expect(await compareInWorkers(SMALL_SPEC, models, second, { pool })).toStrictEqual(compare(SMALL_SPEC, models, second));
      expect(threadIds(pool)).toEqual(threads);
      await pool.close();
      expect(pool.threads).toBe(0);
      expect(await compareInWorkers(SMALL_SPEC, models, second, { pool })).toStrictEqual(compare(SMALL_SPEC, models, second));
      expect(pool.threads).toBe(2);
      expect(threadIds(pool).some((id) => threads.includes(id))).toBe(false);
    } finally {
      await pool.close();
    }
  });

  it("after a failing comparison, stops its threads and serves the next one", async () => {
    const pool = openWorkerPool(2);
    try {
      const wide: Uncertain<ModelConfig> = { kind: "effort", tariffs: [{ careForm: "ambulant", tariff: { distribution: "normal", mean: 1, sd: 5, as: "euros" } }] };
      const failing = { seed: 107, runs: 12 };
      const expected = await inputError(() => compare(SMALL_SPEC, [wide], failing));
      const got = await inputError(() => compareInWorkers(SMALL_SPEC, [wide], failing, { pool }));
      expect(got.subject).toBe(expected.subject);
      expect(pool.threads).toBe(0);
      const ok = { seed: 5, runs: 3 };
      expect(await compareInWorkers(SMALL_SPEC, MODELS, ok, { pool })).toStrictEqual(compare(SMALL_SPEC, MODELS, ok));
    } finally {
      await pool.close();
    }
  });

  it("rejects a comparison running when it is closed, and serves the next one", async () => {
    const pool = openWorkerPool(2);
    try {
      const running = compareInWorkers(SMALL_SPEC, MODELS, { ...OPTIONS, runs: 6 }, { pool, onRun: () => void pool.close() });
      await expect(running).rejects.toThrow(/the worker pool was closed while a comparison was running on it/);
      const ok = { seed: 5, runs: 3 };
      expect(await compareInWorkers(SMALL_SPEC, MODELS, ok, { pool })).toStrictEqual(compare(SMALL_SPEC, MODELS, ok));
    } finally {
      await pool.close();
    }
  });

  it("takes no message of a stopped worker, or of a task a worker is not making, into the comparison running", async () => {
    const pool = openWorkerPool(2);
    try {
      const options = { ...OPTIONS, runs: 4 };
      const running = compareInWorkers(SMALL_SPEC, MODELS, options, { pool });
      // As a message from an earlier, failed comparison's worker would arrive: a result for task 0, twice.
      const job = (pool as unknown as { current: { message(slot: unknown, m: unknown): void } }).current;
      const stale = { type: "result", index: 0, outcome: { metrics: [] } };
      job.message({ stopped: true, task: 0 }, stale);
      job.message({ stopped: false, task: 3 }, stale);
      expect(await running).toStrictEqual(compare(SMALL_SPEC, MODELS, options));
    } finally {
      await pool.close();
    }
  });

  it("runs one comparison at a time, and refuses a pool that is not one", async () => {
    const pool = openWorkerPool(2);
    try {
      const a = compareInWorkers(SMALL_SPEC, MODELS, { ...OPTIONS, runs: 4 }, { pool });
      await expect(compareInWorkers(SMALL_SPEC, MODELS, { ...OPTIONS, runs: 4 }, { pool })).rejects.toThrow(/one comparison at a time/);
      await a;
      const e = await inputError(() => compareInWorkers(SMALL_SPEC, MODELS, OPTIONS, { pool: { size: 2, threads: 0, close: async () => {} } }));
      expect(e.issues).toMatchObject([{ path: ["pool"], message: "expected a pool from openWorkerPool()" }]);
      expect(() => openWorkerPool(0)).toThrow(/must be a whole number of 1 or more/);
    } finally {
      await pool.close();
    }
  });
});
