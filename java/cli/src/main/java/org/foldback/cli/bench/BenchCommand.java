package org.foldback.cli.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.foldback.cli.UsageException;
import org.foldback.engine.FoldbackProcessor;
import org.foldback.engine.Layout;
import org.foldback.engine.meter.MeterDemand;
import org.foldback.engine.mix.CueEngine;
import org.foldback.engine.simd.Simd;

/**
 * {@code foldback bench [--json] [--quick] [--skip GROUPS]}: measures the figures of issue 8 and
 * prints a table, or one JSON object with --json. See native/bench/PERFORMANCE.md for what each
 * figure means and how it is made.
 *
 * <p>Groups (for --skip, comma-separated): engine, workingset, host, instances, tail, scaling, x42, xruns, ardour, remote.
 * Environment: FOLDBACK_HOST, FOLDBACK_VST3 (set by ./foldback), FOLDBACK_LV2 (default: next to
 * the VST3), FOLDBACK_JAVA_HOME (the plugin's JDK; default: the one running this command),
 * FOLDBACK_JVM_OPTIONS (passed on to the plugin's JVM).
 */
public final class BenchCommand {
    private static final int BLOCK = 64;
    private static final double RATE = 48000;
    private static final double PERIOD_US = 1e6 * BLOCK / RATE;

    private final boolean quick;
    private final Set<String> skip;
    private final PrintStream err;
    private final Figures figures = new Figures();
    private final Path work;
    private final Map<String, String> env = new HashMap<>();
    private final double gcLoadMbps;
    private double tailSeconds = Double.NaN;

    private BenchCommand(boolean quick, Set<String> skip, double gcLoadMbps, PrintStream err) throws IOException {
        this.quick = quick;
        this.skip = skip;
        this.gcLoadMbps = gcLoadMbps;
        this.err = err;
        this.work = Files.createTempDirectory("foldback-bench");
        String javaHome = System.getenv("FOLDBACK_JAVA_HOME");
        env.put("FOLDBACK_JAVA_HOME", javaHome != null ? javaHome : System.getProperty("java.home"));
        // The plugin logs here, not into the user's state directory.
        env.put("XDG_STATE_HOME", work.resolve("state").toString());
    }

    public static int run(String[] args, PrintStream out, PrintStream err) throws UsageException {
        boolean json = false;
        boolean quick = false;
        double mbps = 150;
        Set<String> skip = new HashSet<>();
        double tail = Double.NaN;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--json": json = true; break;
                case "--quick": quick = true; break;
                case "--skip":
                    if (i + 1 >= args.length) {
                        throw new UsageException("--skip needs a list (engine,workingset,host,instances,tail,scaling,x42,xruns,ardour,remote)");
                    }
                    skip.addAll(List.of(args[++i].split(",")));
                    break;
                case "--gc-load-mbps":
                    if (i + 1 >= args.length) {
                        throw new UsageException("--gc-load-mbps needs a number");
                    }
                    mbps = number(args[++i]);
                    break;
                case "--tail-seconds":
                    if (i + 1 >= args.length) {
                        throw new UsageException("--tail-seconds needs a number");
                    }
                    tail = number(args[++i]);
                    break;
                default:
                    throw new UsageException("unknown option " + args[i]
                            + " (usage: bench [--json] [--quick] [--skip GROUPS] [--gc-load-mbps N] [--tail-seconds S])");
            }
        }
        try {
            BenchCommand bench = new BenchCommand(quick, skip, mbps, err);
            bench.tailSeconds = tail;
            bench.measureAll();
            String runtime = "JDK " + Runtime.version().feature() + " bench JVM, plugin JVM at "
                    + bench.env.get("FOLDBACK_JAVA_HOME");
            if (json) {
                bench.figures.printJson(out);
                bench.figures.notes().forEach((k, v) -> err.println("bench: " + k + ": " + v));
            } else {
                bench.figures.printTable(out, runtime);
            }
            return 0;
        } catch (IOException e) {
            err.println("bench: " + e.getMessage());
            return 1;
        }
    }

    private void measureAll() throws IOException {
        step("engine", this::engine);
        step("workingset", this::workingSet);
        step("host", this::hostOffline);
        step("instances", this::instances);
        step("tail", this::tailUnderGcLoad);
        step("scaling", this::scaling);
        step("x42", this::x42);
        step("xruns", this::xruns);
        step("ardour", this::ardourXruns);
        step("remote", this::remote);
        figures.put("jdk_feature_version_bench_jvm", (double) Runtime.version().feature());
        figures.put("quick", quick ? 1.0 : 0.0);
        figures.put("load_average_1min", loadAverage());
        // At the end: a kernel guard may have switched the kernels off during the run (Simd.fallBack).
        figures.note("vector_kernels", "in the bench's JVM at the end: " + Simd.describe());
    }

    private interface Step {
        void run() throws IOException, BenchException;
    }

    private void step(String group, Step step) {
        if (skip.contains(group)) {
            figures.note(group, "skipped (--skip)");
            return;
        }
        err.println("bench: " + group + " ...");
        try {
            step.run();
        } catch (IOException | BenchException | RuntimeException e) {
            figures.note(group, "not measured: " + e.getMessage());
            err.println("bench: " + group + " failed: " + e.getMessage());
        }
    }

    // ---- The web remote's cost to the audio thread, in this JVM ------------------------------------

    private void remote() throws IOException, BenchException {
        try {
            RemoteLoad.Result r = RemoteLoad.measure((name, state, options) -> {
                List<String> cmd = new ArrayList<>(List.of(host().toString(), "bench", "--plugin", vst3().toString(),
                        "--plugin-state", state.toString(), "--block", String.valueOf(BLOCK),
                        "--sample-rate", String.valueOf((int) RATE)));
                cmd.addAll(List.of(options));
                return KeyValueProcess.run(cmd, env, work.resolve(name + ".log"), 600);
            }, work, Files.readAllBytes(BenchConfig.FULL.writeState(work)), quick ? 5 : 20, quick ? 1 : 3);
            figures.put("remote_block_p999_us_idle", r.idleP999());
            figures.put("remote_block_p999_us_32_phones", r.busyP999());
            figures.put("remote_p999_ratio_32_phones_over_idle", r.ratio());
            figures.put("remote_block_median_us_idle", r.idle().get(0).medianMicros());
            figures.put("remote_block_median_us_32_phones", r.busy().get(0).medianMicros());
            figures.put("remote_phone_edits", (double) r.edits());
            figures.put("remote_meter_frames", (double) r.meterFrames());
            figures.put("remote_realtime_priority", r.busy().get(0).realtimePriority() ? 1.0 : 0.0);
            figures.note("remote", "block time p99.9 through the VST3 (foldback-host bench, realtime), median of "
                    + r.idle().size() + " runs each, idle and with " + RemoteLoad.PHONES + " busy phones (goal <= 1.1x)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException("interrupted");
        } catch (IOException | BenchException e) {
            throw e;
        } catch (Exception e) {
            throw new BenchException("remote: " + e);
        }
    }

    // ---- Engine alone, in this JVM --------------------------------------------------------------

    private void engine() {
        // Warm-up long enough for C2 to compile the whole block path (the allocation tests use
        // 150,000 blocks): before that, interpreted and C1 code may allocate what C2 scalar-replaces.
        double seconds = quick ? 15 : 600;
        double warmup = quick ? 100 : 200;
        // What the editor shows: every source strip's peak and RMS (the sources' default), and the
        // selected cue's whole meter set; the other cues accumulate their default (MeterDemand).
        EngineTiming.Result full = EngineTiming.measure(() -> {
            FoldbackProcessor p = new FoldbackProcessor();
            p.demandMeters(FoldbackProcessor.cueBus(0), MeterDemand.ALL);
            return p;
        }, BenchConfig.FULL, BLOCK, RATE, warmup, seconds);
        figures.put(Figure.ENGINE_US_PER_BLOCK, full.medianMicros());
        figures.note(Figure.ENGINE_US_PER_BLOCK.key, "sources: peak, clips, RMS; cue 1: every meter;"
                + " cues 2-8: their default (loudness, true peak); see engine_all_meters_us_per_block;"
                + " vector kernels " + Simd.describe());
        figures.put(Figure.ENGINE_CPU_PERCENT, 100 * full.medianMicros() / PERIOD_US);
        figures.put(Figure.ALLOC_BYTES_PER_BLOCK, full.allocBytesPerBlock());
        figures.put("engine_mean_us_per_block", full.meanMicros());
        figures.put("engine_blocks_measured", (double) full.blocks());
        figures.put("engine_p9999_us_per_block", full.p9999Micros());
        EngineTiming.Result all = EngineTiming.measure(() -> {
            FoldbackProcessor p = new FoldbackProcessor();
            for (int b = 0; b < p.meters().buses(); b++) {
                p.demandMeters(b, MeterDemand.ALL);
            }
            return p;
        }, BenchConfig.FULL, BLOCK, RATE, warmup, seconds);
        figures.put("engine_all_meters_us_per_block", all.medianMicros());
        EngineTiming.Result nobody = EngineTiming.measure(BenchConfig.FULL, BLOCK, RATE, warmup, seconds);
        figures.put("engine_default_meters_us_per_block", nobody.medianMicros());
        EngineTiming.Result ears = EngineTiming.measure(BenchConfig.FULL_EARS, BLOCK, RATE, warmup, seconds);
        figures.put("engine_ears_us_per_block", ears.medianMicros());
        figures.put("engine_ears_alloc_bytes_per_block", ears.allocBytesPerBlock());
        EngineTiming.Result mixOnly = EngineTiming.measure(CueEngine::new, BenchConfig.FULL, BLOCK, RATE, warmup, seconds);
        figures.put("engine_mix_only_us_per_block", mixOnly.medianMicros());
        EngineTiming.Result matrix = EngineTiming.measure(BenchConfig.MATRIX_8X8, BLOCK, RATE, warmup, seconds);
        figures.put("engine_matrix8x8_us_per_block", matrix.medianMicros());
        // What an LV2 instance runs for the same matrix (jalv, the x42 group): LV2 has no optional
        // buses, so all 16 sources and 8 cues are prepared and metered (24 buses), 8 sources silent.
        EngineTiming.Result matrixLv2 = EngineTiming.measure(FoldbackProcessor::new, BenchConfig.MATRIX_8X8,
                Layout.MAX_SOURCES, Layout.MAX_CUES, BLOCK, RATE, warmup, seconds);
        figures.put("engine_matrix8x8_as_lv2_us_per_block", matrixLv2.medianMicros());
        figures.note("engine_matrix8x8", "engine_matrix8x8_us_per_block: 8 sources and 4 cues prepared (12 meter buses);"
                + " engine_matrix8x8_as_lv2_us_per_block: the same mix with 16 sources and 8 cues prepared"
                + " (24 meter buses at their floors, sources 9-16 silent), what the LV2 instance in the x42 group runs");
        EngineTiming.Result matrixMix = EngineTiming.measure(CueEngine::new, BenchConfig.MATRIX_8X8, BLOCK, RATE, warmup, seconds);
        figures.put("engine_matrix8x8_mix_only_us_per_block", matrixMix.medianMicros());
        BridgeTiming.Result bridge = BridgeTiming.measure(BLOCK, RATE, quick ? 10 : 60);
        figures.put("bridge_java_side_us_per_block", bridge.javaHandOffMicros());
        figures.put("java_side_new_instance_ms", bridge.instanceMillis());
    }

    // ---- The engine's working set, and the block with cold caches (the jalv gap) -----------------

    private void workingSet() {
        for (WorkingSet.State state : WorkingSet.State.values()) {
            String key = "workingset_" + state.name().toLowerCase(Locale.ROOT);
            FoldbackProcessor p = WorkingSet.processor(state);
            // Past C2's compiles of the block path (100 s of audio, as the engine group).
            WorkingSet.play(p, (int) (100 * RATE / BLOCK));
            org.foldback.engine.CompilePrerequisites.resolve(org.foldback.engine.Processor.class);
            Footprint census = WorkingSet.census(p);
            census.snapshot();
            WorkingSet.play(p, 1);
            List<Footprint.Stage> stages = census.stages();
            long bytes = 0;
            long changed = 0;
            for (Footprint.Stage s : stages) {
                bytes += s.bytes();
                changed += s.changedLines();
            }
            figures.put(key + "_data_bytes", (double) bytes);
            figures.put(key + "_changed_bytes_per_block", (double) changed * Footprint.LINE);
            err.print("bench: " + key + ": the engine's data by stage (" + Footprint.referenceBytes()
                    + "-byte references in this JVM):\n" + WorkingSet.describe(stages));
            ColdCacheTiming.Result r = new ColdCacheTiming().measure(p, Layout.MAX_SOURCES, Layout.MAX_CUES,
                    BLOCK, RATE, quick ? 3 : 10, 1500);
            String us = key.replace("workingset_", "engine_") + "_state";
            figures.put(us + "_us_back_to_back", r.median(ColdCacheTiming.Mode.BACK_TO_BACK));
            figures.put(us + "_us_walk8mb", r.median(ColdCacheTiming.Mode.WALK));
            figures.put(us + "_us_paced", r.median(ColdCacheTiming.Mode.PACED));
            figures.put(us + "_p99_us_walk8mb", r.p99(ColdCacheTiming.Mode.WALK));
            figures.put(us + "_walk8mb_over_back_to_back",
                    r.median(ColdCacheTiming.Mode.WALK) / r.median(ColdCacheTiming.Mode.BACK_TO_BACK));
            p.release();
        }
        figures.put("workingset_engine_code_bytes", (double) WorkingSet.compiledCodeBytes());
        figures.note("workingset", "the engine in this JVM, default state (jalv's) and FULL with the editor's meters:"
                + " data reachable from the processor and 64-byte lines one block changed (Footprint), C2 code of"
                + " org.foldback methods; block medians back to back, after walking 8 MB between blocks (the jalv"
                + " model: other work evicts the caches between periods), and paced at the period, in alternated rounds");
    }

    // ---- Through the real plugin, in foldback-host ------------------------------------------------

    private Path host() throws BenchException {
        String host = System.getenv("FOLDBACK_HOST");
        if (host == null || !Files.isExecutable(Path.of(host))) {
            throw new BenchException("FOLDBACK_HOST is not set to the built foldback-host (run ./foldback bench)");
        }
        return Path.of(host);
    }

    private Path vst3() throws BenchException {
        String vst3 = System.getenv("FOLDBACK_VST3");
        if (vst3 == null || !Files.isDirectory(Path.of(vst3))) {
            throw new BenchException("FOLDBACK_VST3 is not set to the built Foldback.vst3 (run ./foldback bench)");
        }
        return Path.of(vst3);
    }

    private Map<String, String> hostBench(String name, Map<String, String> extraEnv, String... options)
            throws IOException, BenchException {
        return hostBench(name, extraEnv, BLOCK, options);
    }

    private Map<String, String> hostBench(String name, Map<String, String> extraEnv, int block, String... options)
            throws IOException, BenchException {
        List<String> cmd = new ArrayList<>(List.of(host().toString(), "bench", "--plugin", vst3().toString(),
                "--plugin-state", BenchConfig.FULL.writeState(work).toString(),
                "--block", String.valueOf(block), "--sample-rate", String.valueOf((int) RATE)));
        cmd.addAll(List.of(options));
        Map<String, String> e = new HashMap<>(env);
        e.putAll(extraEnv);
        return KeyValueProcess.run(cmd, e, work.resolve(name + ".log"), 1800);
    }

    /**
     * Audio the offline renders play before their measured stretch: past the JIT's ramp. A fresh
     * plugin JVM renders its first seconds of audio at a few times real time (interpreter, C1, the
     * vector kernels' Java fallback until C2 has them) and reaches its steady speed after 60-80 s
     * of audio at 512-sample blocks (about a second of wall-clock time): a 10 s warm-up measured
     * the ramp (PERFORMANCE.md, "Session 8"). The ramp has a figure of its own, the cold render.
     */
    private static final int OFFLINE_WARMUP_SECONDS = 100;
    /** The cold render: the first seconds of audio of a fresh plugin JVM, its JIT ramp included. */
    private static final int COLD_RENDER_SECONDS = 30;

    private void hostOffline() throws IOException, BenchException {
        String warmup = String.valueOf(OFFLINE_WARMUP_SECONDS);
        Map<String, String> r = hostBench("offline", Map.of(), "--mode", "offline",
                "--seconds", quick ? "20" : "300", "--warmup-seconds", warmup);
        Double median = KeyValueProcess.number(r, "block_median_us");
        figures.put("offline_realtime_factor_block64", KeyValueProcess.number(r, "realtime_factor"));
        figures.put("plugin_us_per_block", median);
        // Offline rendering picks its block size: 512 samples, foldback-host render's default.
        Map<String, String> big = hostBench("offline-512", Map.of(), 512, "--mode", "offline",
                "--seconds", quick ? "20" : "300", "--warmup-seconds", warmup);
        figures.put(Figure.OFFLINE_REALTIME_FACTOR, KeyValueProcess.number(big, "realtime_factor"));
        figures.note(Figure.OFFLINE_REALTIME_FACTOR.key, "full configuration through the VST3, 512-sample blocks,"
                + " audio seconds per second of processBlock calls, after " + OFFLINE_WARMUP_SECONDS
                + " s of audio (past the JIT's ramp; offline_cold_realtime_factor has the ramp)");
        figures.put("offline_realtime_factor_wall", KeyValueProcess.number(big, "realtime_factor_wall"));
        Map<String, String> cold = hostBench("offline-cold", Map.of(), 512, "--mode", "offline",
                "--seconds", String.valueOf(COLD_RENDER_SECONDS), "--warmup-seconds", "0");
        figures.put("offline_cold_realtime_factor", KeyValueProcess.number(cold, "realtime_factor"));
        figures.note("offline_cold_realtime_factor", "the first " + COLD_RENDER_SECONDS
                + " s of audio of a fresh plugin JVM, 512-sample blocks: the JIT's ramp included");
        Double engine = figures.get(Figure.ENGINE_US_PER_BLOCK.key);
        if (median != null && engine != null) {
            figures.put(Figure.BRIDGE_US_PER_BLOCK, median - engine);
            figures.note(Figure.BRIDGE_US_PER_BLOCK.key, "median block through the VST3 (foldback-host bench, offline)"
                    + " minus the median of the same engine configuration in the bench JVM (two processes: noisy;"
                    + " bridge_java_side_us_per_block is the Java half measured in one JVM)");
        }
    }

    private void instances() throws IOException, BenchException {
        int runs = quick ? 1 : 5;
        // Offline (the goal's figures): the plugin scanned in a child process, so instance 1 starts
        // the JVM; no JIT warm-up. Then as a DAW playing live: the first prepare runs the warm-up.
        Map<String, List<Double>> offline = instanceRuns(runs, false);
        figures.put(Figure.FIRST_INSTANCE_MS, median(offline.get("instance1_ms")));
        figures.put(Figure.SECOND_INSTANCE_MS, median(offline.get("instance2_ms")));
        for (String phase : List.of("create", "prepare", "block")) {
            figures.put("second_instance_" + phase + "_ms", median(offline.get("instance2_" + phase + "_ms")));
            // The host thread's CPU in the same phase: where the wall time is much longer, it
            // waited for a core (the JIT's compilers, the collector; PERFORMANCE.md, session 8).
            figures.put("second_instance_" + phase + "_cpu_ms", median(offline.get("instance2_" + phase + "_cpu_ms")));
        }
        figures.put("first_instance_thread_cpu_ms", median(offline.get("instance1_thread_cpu_ms")));
        figures.put("second_instance_thread_cpu_ms", median(offline.get("instance2_thread_cpu_ms")));
        if (runs > 1) {
            figures.note(Figure.FIRST_INSTANCE_MS.key, "median of " + runs + " host processes");
        }
        Map<String, List<Double>> live = instanceRuns(quick ? 1 : 3, true);
        figures.put("first_instance_realtime_ms", median(live.get("instance1_ms")));
        figures.put("second_instance_realtime_ms", median(live.get("instance2_ms")));
    }

    /** foldback-host time-instances --count 2, {@code runs} host processes: each key's values. */
    private Map<String, List<Double>> instanceRuns(int runs, boolean realtime) throws IOException, BenchException {
        Map<String, List<Double>> values = new java.util.TreeMap<>();
        for (int i = 0; i < runs; i++) {
            List<String> command = new ArrayList<>(List.of(host().toString(), "time-instances",
                    "--plugin", vst3().toString(), "--count", "2", "--block", String.valueOf(BLOCK),
                    "--sample-rate", String.valueOf((int) RATE)));
            if (realtime) {
                command.addAll(List.of("--realtime", "yes"));
            }
            Map<String, String> r = KeyValueProcess.run(command, env, work.resolve("instances.log"), 300);
            for (String instance : List.of("instance1", "instance2")) {
                for (String phase : List.of("", "_create", "_prepare", "_block", "_thread_cpu", "_create_cpu",
                        "_prepare_cpu", "_block_cpu")) {
                    String key = instance + phase + "_ms";
                    values.computeIfAbsent(key, k -> new ArrayList<>()).add(KeyValueProcess.number(r, key));
                }
            }
        }
        return values;
    }

    private void tailUnderGcLoad() throws IOException, BenchException {
        Path agent = AgentJar.write(work);
        Path stats = work.resolve("gc-load.txt");
        String options = (System.getenv().getOrDefault("FOLDBACK_JVM_OPTIONS", "") + " -javaagent:" + agent
                + "=mbps=" + gcLoadMbps + ",stats=" + stats).trim();
        Map<String, String> r = hostBench("tail", Map.of("FOLDBACK_JVM_OPTIONS", options), "--mode", "realtime",
                "--seconds", !Double.isNaN(tailSeconds) ? String.valueOf(tailSeconds) : quick ? "10" : "120",
                "--warmup-seconds", quick ? "5" : "20");
        figures.put(Figure.BLOCK_P9999_US_GC_LOAD, KeyValueProcess.number(r, "block_p9999_us"));
        figures.put(Figure.BLOCK_MAX_US_GC_LOAD, KeyValueProcess.number(r, "block_max_us"));
        figures.put("tail_block_median_us", KeyValueProcess.number(r, "block_median_us"));
        figures.put("tail_block_p999_us", KeyValueProcess.number(r, "block_p999_us"));
        figures.put("tail_late_blocks", KeyValueProcess.number(r, "late_blocks"));
        figures.put("tail_blocks", KeyValueProcess.number(r, "blocks"));
        figures.put("tail_realtime_priority", "true".equals(r.get("realtime_priority")) ? 1.0 : 0.0);
        Map<String, String> load = Files.exists(stats) ? KeyValueProcess.parse(Files.readString(stats)) : Map.of();
        figures.put("gc_load_mb_per_second", KeyValueProcess.number(load, "mb_per_second"));
        figures.put("gc_load_collections", KeyValueProcess.number(load, "gc_count"));
        if (load.isEmpty()) {
            figures.note("tail", "the allocation agent wrote no statistics: the load may not have run");
        } else {
            figures.note("tail", "collector activity: " + load.get("gc_detail"));
        }
    }

    private void scaling() throws IOException, BenchException {
        String seconds = quick ? "3" : "30";
        Map<String, String> one = hostBench("scaling-1", Map.of(), "--mode", "offline", "--instances", "1",
                "--seconds", seconds, "--warmup-seconds", quick ? "5" : "20");
        Map<String, String> sixteen = hostBench("scaling-16", Map.of(), "--mode", "offline", "--instances", "16",
                "--seconds", seconds, "--warmup-seconds", quick ? "5" : "20");
        Double t1 = KeyValueProcess.number(one, "block_median_us");
        Double t16 = KeyValueProcess.number(sixteen, "block_median_us");
        figures.put("instances16_us_per_period", t16);
        if (t1 != null && t16 != null) {
            figures.put("instances16_scaling_vs_linear", t16 / (16 * t1));
        }
    }

    // ---- x42 comparisons in jalv on a JACK dummy server --------------------------------------------

    private void x42() throws IOException, BenchException {
        Path script = benchScripts().resolve("x42_compare.sh");
        Map<String, String> e = new HashMap<>(env);
        e.put("FOLDBACK_LV2", lv2());
        e.put("FOLDBACK_MATRIX_STATE", Lv2State.write(work.resolve("matrix-lv2-state"),
                "http://foldback.dev/plugins/foldback", BenchConfig.MATRIX_8X8.state()).toString());
        Map<String, String> r = KeyValueProcess.run(List.of("bash", script.toString(),
                "--seconds", quick ? "5" : "30", "--warmup", quick ? "4" : "10"), e, work.resolve("x42.log"), 1800);
        figures.put(Figure.METER_CPU_RATIO_VS_X42, KeyValueProcess.number(r, "meter_cpu_ratio_vs_x42"));
        figures.put(Figure.MIX_CPU_RATIO_VS_X42_MATRIX, KeyValueProcess.number(r, "mix_cpu_ratio_vs_x42_matrix"));
        for (Map.Entry<String, String> kv : r.entrySet()) {
            if (kv.getKey().endsWith("_cpu_percent") || kv.getKey().endsWith("_us_per_period")) {
                figures.put("jalv_" + kv.getKey(), KeyValueProcess.number(r, kv.getKey()));
            }
        }
        // The goal "Foldback in jalv per period over its in-JVM engine cost": jalv's whole thread
        // (JACK, jalv, JUCE's wrapper, the shim, JNI, the engine) over the engine alone running what
        // that instance runs (the engine group's as-LV2 figure, when that group ran too).
        Double jalv = KeyValueProcess.number(r, "foldback_matrix_us_per_period");
        Double inJvm = figures.get("engine_matrix8x8_as_lv2_us_per_block");
        if (jalv != null && inJvm != null && inJvm > 0) {
            figures.put("jalv_matrix_over_in_jvm_as_lv2", jalv / inJvm);
        }
    }

    /**
     * Xruns in jalv on one JACK dummy server: no plugin, x42's EBU R128 meter, Foldback, at 64- and
     * 32-sample periods (native/bench/xrun_compare.sh), and Foldback's ratio to x42.
     */
    private void xruns() throws IOException, BenchException {
        Path script = benchScripts().resolve("xrun_compare.sh");
        Map<String, String> e = new HashMap<>(env);
        e.put("FOLDBACK_LV2", lv2());
        for (int period : new int[] {64, 32}) {
            Map<String, String> r = KeyValueProcess.run(List.of("bash", script.toString(),
                    "--seconds", quick ? "10" : "90", "--period", String.valueOf(period), "--settle", quick ? "5" : "10"),
                    e, work.resolve("xruns-" + period + ".log"), 1800);
            Double none = KeyValueProcess.number(r, "none_xruns");
            Double x42 = KeyValueProcess.number(r, "x42_ebur128_xruns");
            Double fb = KeyValueProcess.number(r, "foldback_xruns");
            figures.put("xruns_none_p" + period, none);
            figures.put("xruns_x42_ebur128_p" + period, x42);
            figures.put("xruns_foldback_p" + period, fb);
            if (x42 != null && fb != null) {
                figures.put(period == 64 ? Figure.XRUN_RATIO_VS_X42_P64 : Figure.XRUN_RATIO_VS_X42_P32, fb / Math.max(1.0, x42));
            }
            for (String k : List.of("foldback_block_dsp_percent", "foldback_block_mean_us", "foldback_block_java_mean_us",
                    "foldback_block_worst_us", "foldback_block_java_worst_us", "foldback_block_java_median_us",
                    "foldback_block_java_p99_us", "foldback_block_late", "foldback_exit_seconds",
                    "load_average_start")) {
                figures.put(k + "_p" + period, KeyValueProcess.number(r, k));
            }
        }
        figures.note("xruns", "one run each, one after the other on one server: the machine's load moves every count");
    }

    /**
     * Xruns in a real DAW: Ardour 7 on the JACK backend, one stereo track fed a tone, with no
     * plugin, x42's EBU R128 meter and Foldback inserted in turn (native/bench/ardour_xruns.sh), at
     * 64- and 32-sample periods, and Foldback's ratio to x42 (the goal for Ardour).
     */
    private void ardourXruns() throws IOException, BenchException {
        Path script = benchScripts().resolve("ardour_xruns.sh");
        Map<String, String> e = new HashMap<>(env);
        e.put("FOLDBACK_LV2", lv2());
        // --quick (CI's check that the script works) plays 64 samples only: each period costs a
        // minute of three Ardour sessions.
        for (int period : quick ? new int[] {64} : new int[] {64, 32}) {
            Map<String, String> r = KeyValueProcess.run(List.of("bash", script.toString(),
                    "--seconds", quick ? "10" : "90", "--period", String.valueOf(period), "--settle", quick ? "3" : "10"),
                    e, work.resolve("ardour-xruns-" + period + ".log"), 1800);
            Double x42 = KeyValueProcess.number(r, "x42_ebur128_xruns");
            Double fb = KeyValueProcess.number(r, "foldback_xruns");
            figures.put("ardour_xruns_none_p" + period, KeyValueProcess.number(r, "none_xruns"));
            figures.put("ardour_xruns_x42_ebur128_p" + period, x42);
            figures.put("ardour_xruns_foldback_p" + period, fb);
            if (x42 != null && fb != null) {
                figures.put(period == 64 ? Figure.ARDOUR_XRUN_RATIO_VS_X42_P64 : Figure.ARDOUR_XRUN_RATIO_VS_X42_P32,
                        fb / Math.max(1.0, x42));
            }
            for (String k : List.of("foldback_block_mean_us", "foldback_block_java_mean_us", "foldback_block_worst_us",
                    "foldback_block_late", "load_average_start", "none_retries", "x42_ebur128_retries", "foldback_retries")) {
                figures.put("ardour_" + k + "_p" + period, KeyValueProcess.number(r, k));
            }
        }
        figures.note("ardour", "one run each, one after the other on one server: the machine's load moves every count");
    }

    private String lv2() throws BenchException {
        String lv2 = System.getenv("FOLDBACK_LV2");
        return lv2 != null ? lv2 : vst3().getParent().getParent().resolve("LV2").resolve("Foldback.lv2").toString();
    }

    /** native/bench of the checkout this jar was built in (build/java/foldback.jar), or FOLDBACK_BENCH_SCRIPTS. */
    private static Path benchScripts() throws BenchException {
        String dir = System.getenv("FOLDBACK_BENCH_SCRIPTS");
        if (dir != null) {
            return Path.of(dir);
        }
        try {
            Path jar = Path.of(BenchCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path scripts = jar.getParent().getParent().getParent().resolve("native").resolve("bench");
            if (Files.isDirectory(scripts)) {
                return scripts;
            }
        } catch (Exception ignored) {
            // fall through
        }
        throw new BenchException("native/bench not found next to the jar; set FOLDBACK_BENCH_SCRIPTS");
    }

    // ---- Helpers ------------------------------------------------------------------------------------

    private static double number(String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new UsageException("not a number: " + text);
        }
    }

    private static Double median(List<Double> values) {
        List<Double> v = new ArrayList<>();
        for (Double d : values) {
            if (d != null) {
                v.add(d);
            }
        }
        if (v.isEmpty()) {
            return null;
        }
        v.sort(Double::compare);
        return v.get(v.size() / 2);
    }

    private static Double loadAverage() {
        try {
            String text = Files.readString(Path.of("/proc/loadavg"));
            return Double.parseDouble(text.split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "bench(quick=%s)", quick);
    }
}
