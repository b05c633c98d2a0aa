package io.github.jaxrscors.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/**
 * Runs JMH with the given arguments, then prints each tier's table: the median time over forks,
 * bytes per operation (with {@code -prof gc}), and what each configuration adds over the tier's
 * baseline ({@code none}, or {@code mocks} for the engine reference), with the ratio. Also written
 * to {@code target/bench-report.md}.
 *
 * <p>Refuses to start when the one-minute load average is over half the cores: on a small machine
 * anything else running shows up in the times. {@code -Dbench.load=warn} only warns (the smoke run).
 */
public final class BenchMain {

    private static final List<String> BASELINES = List.of("none", "mocks");

    /** How far over its baseline a result's bytes per operation may go: 5%. */
    static final double ALLOC_TOLERANCE = 0.05;

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        checkLoad();
        Collection<RunResult> results = new Runner(new CommandLineOptions(args)).run();
        String report = report(results);
        System.out.println(report);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "bench-report.md"), report);
        String baseline = System.getProperty("bench.allocBaseline", "");
        if (!baseline.isEmpty() && !allocationsWithin(results, Path.of(baseline))) {
            System.exit(4);
        }
    }

    /**
     * The allocation gate: each result's bytes per operation (median over forks, {@code -prof gc})
     * against the baseline file's line for it ({@code benchmark case config bytes}), at most
     * {@link #ALLOC_TOLERANCE} over. Times are not compared: they vary from run to run, bytes
     * repeat within a few dozen. A result without a line, or a line without a result, fails too.
     */
    static boolean allocationsWithin(Collection<RunResult> results, Path baselineFile) throws java.io.IOException {
        Map<String, Double> baseline = new LinkedHashMap<>();
        for (String line : Files.readAllLines(baselineFile)) {
            String trimmed = line.strip();
            if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                int cut = trimmed.lastIndexOf(' ');
                baseline.put(trimmed.substring(0, cut), Double.parseDouble(trimmed.substring(cut + 1)));
            }
        }
        boolean ok = true;
        for (RunResult r : results) {
            BenchmarkParams p = r.getParams();
            String key = p.getBenchmark().substring(p.getBenchmark().lastIndexOf('.', p.getBenchmark().lastIndexOf('.') - 1) + 1)
                    + " " + caseOf(p).replace(' ', ',') + " " + configOf(p);
            double bytes = median(forkScores(r, "gc.alloc.rate.norm"));
            Double allowed = baseline.remove(key);
            if (allowed == null || Double.isNaN(bytes)) {
                System.out.printf(Locale.ROOT, "alloc gate: %s %s B/op, no baseline line (or no -prof gc)%n", key, fmt(bytes));
                ok = false;
                continue;
            }
            double ratio = bytes / allowed;
            boolean within = ratio <= 1 + ALLOC_TOLERANCE;
            System.out.printf(Locale.ROOT, "alloc gate: %s %s B/op, baseline %s (%+.1f%%) %s%n", key, fmt(bytes), fmt(allowed),
                    (ratio - 1) * 100, within ? "ok" : "OVER");
            ok &= within;
        }
        for (String missing : baseline.keySet()) {
            System.out.println("alloc gate: " + missing + " in the baseline was not run");
            ok = false;
        }
        System.out.println(ok ? "alloc gate: passed" : "alloc gate: FAILED (baseline " + baselineFile + ")");
        return ok;
    }

    private static void checkLoad() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        int cores = Runtime.getRuntime().availableProcessors();
        double limit = cores / 2.0;
        if (load > limit) {
            String message = String.format(Locale.ROOT, "load average %.2f over the last minute on %d cores (limit %.1f): "
                    + "times taken now would measure the other work too.", load, cores, limit);
            if ("warn".equals(System.getProperty("bench.load"))) {
                System.err.println("WARNING: " + message + " Running anyway (-Dbench.load=warn).");
            } else {
                System.err.println("Refusing to run: " + message + " Wait for the machine to be idle, or pass -Dbench.load=warn.");
                System.exit(3);
            }
        }
    }

    /** One Markdown table per benchmark. */
    static String report(Collection<RunResult> results) {
        Map<String, List<RunResult>> byBenchmark = new LinkedHashMap<>();
        for (RunResult r : results) {
            byBenchmark.computeIfAbsent(r.getParams().getBenchmark(), k -> new ArrayList<>()).add(r);
        }
        StringBuilder out = new StringBuilder();
        byBenchmark.forEach((benchmark, runs) -> {
            out.append("\n### ").append(benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1))
                    .append("\n\n| case | ").append(varied(runs)).append(" | median ns/op | forks min–max | B/op "
                            + "| added ns | added B | ratio time | ratio B |\n|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
            for (RunResult r : runs) {
                RunResult base = baselineOf(r, runs);
                double[] times = forkScores(r, null);
                double time = median(times);
                double bytes = median(forkScores(r, "gc.alloc.rate.norm"));
                out.append("| ").append(caseOf(r.getParams())).append(" | ").append(configOf(r.getParams())).append(" | ")
                        .append(fmt(time)).append(" | ").append(fmt(min(times))).append("–").append(fmt(max(times))).append(" | ")
                        .append(fmt(bytes)).append(" | ");
                if (base == null || base == r) {
                    out.append("— | — | — | — |\n");
                } else {
                    double baseTime = median(forkScores(base, null));
                    double baseBytes = median(forkScores(base, "gc.alloc.rate.norm"));
                    out.append(signed(time - baseTime)).append(" | ").append(signed(bytes - baseBytes)).append(" | ")
                            .append(String.format(Locale.ROOT, "%.3f", time / baseTime)).append(" | ")
                            .append(Double.isNaN(bytes) ? "" : String.format(Locale.ROOT, "%.3f", bytes / baseBytes)).append(" |\n");
                }
            }
        });
        return out.toString();
    }

    private static String varied(List<RunResult> runs) {
        return runs.get(0).getParams().getParamsKeys().contains("engine") ? "engine" : "config";
    }

    private static String configOf(BenchmarkParams p) {
        return p.getParam(p.getParamsKeys().contains("engine") ? "engine" : "config");
    }

    /** Every parameter but the configuration: the rows compared with one baseline. */
    private static String caseOf(BenchmarkParams p) {
        List<String> parts = new ArrayList<>();
        for (String key : p.getParamsKeys()) {
            if (!key.equals("config") && !key.equals("engine")) {
                parts.add(key.equals("scenario") ? p.getParam(key) : key + "=" + p.getParam(key));
            }
        }
        return String.join(" ", parts);
    }

    private static RunResult baselineOf(RunResult r, List<RunResult> runs) {
        for (RunResult other : runs) {
            if (BASELINES.contains(configOf(other.getParams())) && caseOf(other.getParams()).equals(caseOf(r.getParams()))) {
                return other;
            }
        }
        return null;
    }

    /** Each fork's mean of the primary score, or of the secondary result whose name ends with {@code secondary}. */
    private static double[] forkScores(RunResult r, String secondary) {
        List<Double> scores = new ArrayList<>();
        for (BenchmarkResult fork : r.getBenchmarkResults()) {
            if (secondary == null) {
                scores.add(fork.getPrimaryResult().getScore());
            } else {
                for (Map.Entry<String, Result> e : fork.getSecondaryResults().entrySet()) {
                    if (e.getKey().endsWith(secondary)) {
                        scores.add(e.getValue().getScore());
                    }
                }
            }
        }
        return scores.stream().mapToDouble(Double::doubleValue).toArray();
    }

    static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static double min(double[] v) {
        return Arrays.stream(v).min().orElse(Double.NaN);
    }

    private static double max(double[] v) {
        return Arrays.stream(v).max().orElse(Double.NaN);
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%,.0f", v);
    }

    private static String signed(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%+,.0f", v);
    }

}
