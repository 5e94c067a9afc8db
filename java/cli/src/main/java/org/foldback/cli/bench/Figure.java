package org.foldback.cli.bench;

/**
 * One figure of the JSON and the table: its key, what it is, and the goal it is held to
 * (issue 8 / README). {@code atMost} goals are ceilings, the others floors.
 */
enum Figure {
    ENGINE_US_PER_BLOCK("engine_us_per_block", "engine 16x8 + the meters the editor shows, per 64-sample block", "us", 27, true),
    ENGINE_CPU_PERCENT("engine_cpu_percent", "engine, % of one core in real time", "%", 2, true),
    ALLOC_BYTES_PER_BLOCK("alloc_bytes_per_block", "allocated per block, steady state", "B", 0, true),
    BRIDGE_US_PER_BLOCK("bridge_us_per_block", "shim -> Java hand-off, 32 ch x 64", "us", 1, true),
    FIRST_INSTANCE_MS("first_instance_ms", "first instance: create to ready (JVM start, offline)", "ms", 200, true),
    SECOND_INSTANCE_MS("second_instance_ms", "second instance: create to ready (offline)", "ms", 5, true),
    BLOCK_P9999_US_GC_LOAD("block_p9999_us_gc_load", "block time p99.99 under GC load", "us", 333, true),
    BLOCK_MAX_US_GC_LOAD("block_max_us_gc_load", "block time max under GC load", "us", 333, true),
    OFFLINE_REALTIME_FACTOR("offline_realtime_factor", "offline render, x real time", "x", 300, false),
    METER_CPU_RATIO_VS_X42("meter_cpu_ratio_vs_x42", "meters per channel vs x42 EBU R128", "x", 1, true),
    MIX_CPU_RATIO_VS_X42_MATRIX("mix_cpu_ratio_vs_x42_matrix", "8x8 mix vs x42 matrixmixer", "x", 1, true),
    XRUN_RATIO_VS_X42_P64("xrun_ratio_vs_x42_p64", "xruns in jalv vs x42 EBU R128, 64 samples", "x", 1, true),
    XRUN_RATIO_VS_X42_P32("xrun_ratio_vs_x42_p32", "xruns in jalv vs x42 EBU R128, 32 samples", "x", 1, true),
    ARDOUR_XRUN_RATIO_VS_X42_P64("ardour_xrun_ratio_vs_x42_p64", "xruns in Ardour on JACK vs x42 EBU R128, 64 samples", "x", 1, true),
    ARDOUR_XRUN_RATIO_VS_X42_P32("ardour_xrun_ratio_vs_x42_p32", "xruns in Ardour on JACK vs x42 EBU R128, 32 samples", "x", 1, true);

    final String key;
    final String label;
    final String unit;
    final double goal;
    final boolean atMost;

    Figure(String key, String label, String unit, double goal, boolean atMost) {
        this.key = key;
        this.label = label;
        this.unit = unit;
        this.goal = goal;
        this.atMost = atMost;
    }

    /** "ok", "MISS", or "" when there is no goal or no figure. */
    String verdict(Double value) {
        if (value == null || Double.isNaN(goal)) {
            return "";
        }
        boolean ok = atMost ? value <= goal : value >= goal;
        return ok ? "ok" : "MISS";
    }

    String goalText() {
        if (Double.isNaN(goal)) {
            return "";
        }
        return (atMost ? "<= " : ">= ") + Figures.format(goal) + " " + unit;
    }
}
