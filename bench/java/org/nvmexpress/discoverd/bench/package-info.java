/**
 * JMH benchmarks of the hot paths whose budgets ARCHITECTURE §11 sets (docs/benchmarks.md). Budgets
 * are measured here, never with timed assertions in tests.
 *
 * <p><b>Owns:</b> the benchmark classes ({@link org.nvmexpress.discoverd.bench.DlpDecodeBenchmark},
 * {@link org.nvmexpress.discoverd.bench.TidBenchmark}, {@link org.nvmexpress.discoverd.bench.ReconcileBenchmark},
 * {@link org.nvmexpress.discoverd.bench.DiscoveryBenchmark}, {@link org.nvmexpress.discoverd.bench.VarlinkBenchmark}),
 * the inputs they measure ({@link org.nvmexpress.discoverd.bench.BenchPages},
 * {@link org.nvmexpress.discoverd.bench.BenchFabrics}, and {@code daemon.BenchDiscovery}, the one helper
 * outside this package: in the daemon's, because what it drives, {@code daemon.Discovery}, is
 * package-private), and the one measurement JMH cannot make, the
 * first reconcile's CPU and heap in fresh JVMs ({@link org.nvmexpress.discoverd.bench.ReconcileFootprint}). Compiled only by the Maven profile
 * {@code bench}, against the test classes, so it may use test helpers such as {@code daemon.ScriptedFabric};
 * its classes go to {@code target/bench-classes}, never among the tests.
 *
 * <p><b>May import:</b> any package of the product, the test helpers, JMH and the JDK; nothing
 * imports it.
 *
 * <p><b>Threading:</b> JMH's: one benchmark thread per fork (the default), state built once per
 * trial in {@code @Setup} and only read while measuring (the reconcile benchmark also keeps its
 * last plan, checked after each iteration; the discovery benchmark's daemon changes with each
 * operation, as the daemon's own would, and is checked after each iteration).
 *
 * <p><b>Entry classes:</b> {@code org.openjdk.jmh.Main} runs every benchmark, and
 * {@link org.nvmexpress.discoverd.bench.ReconcileFootprint} its child JVMs, both through
 * {@code bench/jmh.sh}.
 */
package org.nvmexpress.discoverd.bench;
