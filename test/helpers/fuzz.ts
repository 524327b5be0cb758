/**
 * Property tests run with a fixed seed in CI, so a failure reproduces. Locally,
 * `FUZZ_RUNS=5000 FUZZ_SEED=$RANDOM node test/run-unit.mjs …` explores further (the seed is
 * printed by fast-check on failure).
 */
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20261122);
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 200);
