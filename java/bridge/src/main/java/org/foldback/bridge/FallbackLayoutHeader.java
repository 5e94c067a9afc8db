package org.foldback.bridge;

import org.foldback.engine.Layout;

/**
 * Writes the C++ header that gives the shim the bus layout to declare when Java cannot start, so
 * a session keeps its buses (and its routing) on a machine without Java. Generated at build time
 * from {@link Layout}: the layout is still defined once, here.
 */
public final class FallbackLayoutHeader {
    private FallbackLayoutHeader() {}

    public static void main(String[] args) {
        System.out.print("// Generated from org.foldback.engine.Layout by FallbackLayoutHeader. Do not edit.\n"
                + "#pragma once\n"
                + "namespace foldback::fallback\n{\n"
                + "constexpr int sources = " + Layout.MAX_SOURCES + ";\n"
                + "constexpr int cues = " + Layout.MAX_CUES + ";\n"
                + "}\n");
    }
}
