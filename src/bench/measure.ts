/**
 * Peak memory while `work` runs, sampled every 20 ms, above what was in use before: resident size,
 * and the JS heap in use (which, unlike the resident size, falls back when an earlier run's memory
 * is freed, so a later run is not hidden by the slack an earlier one left).
 */
export async function measured<T>(
  work: () => Promise<T>,
): Promise<{ result: T; seconds: number; peakRssMb: number; peakHeapMb: number }> {
  global.gc?.();
  const before = process.memoryUsage();
  let peakRss = before.rss;
  let peakHeap = before.heapUsed;
  const sample = () => {
    const now = process.memoryUsage();
    peakRss = Math.max(peakRss, now.rss);
    peakHeap = Math.max(peakHeap, now.heapUsed);
  };
  const sampler = setInterval(sample, 20);
  const started = process.hrtime.bigint();
  try {
    const result = await work();
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    sample();
    return {
      result,
      seconds,
      peakRssMb: (peakRss - before.rss) / 2 ** 20,
      peakHeapMb: (peakHeap - before.heapUsed) / 2 ** 20,
    };
  } finally {
    clearInterval(sampler);
  }
}
