#pragma once

namespace foldback
{
/**
 * Maps every page of the Java heap into the process on a thread of its own, so the first
 * instance need not wait for it.
 *
 * The shim's JVM runs a fixed heap (JavaRuntime.cpp); touched once, the process's memory stays
 * what it is however often instances come and go. -XX:+AlwaysPreTouch did that inside
 * JNI_CreateJavaVM, 250-450 ms of every first instance on the 2-core build machine
 * (native/bench/PERFORMANCE.md, "First instance"). ZGC keeps its heap in a memfd named
 * "java_heap", mapped once (JDK 21+ generational) or three times, one view per pointer colour
 * (JDK 17); this populates every view (AlwaysPreTouch touched one; collections touch the others
 * in time anyway), so the process's memory is at its final size at once. Another collector (chosen with
 * FOLDBACK_JVM_OPTIONS) has no such mapping and is left alone: add -XX:+AlwaysPreTouch there.
 *
 * Call once, right after this library created the JVM. It logs what it mapped and how long it took.
 */
void touchJavaHeapInBackground();
} // namespace foldback
