#pragma once

#include "Boundary.h"

#include <jni.h>
#include <juce_core/juce_core.h>

#include <atomic>
#include <initializer_list>
#include <mutex>

namespace foldback
{
/**
 * The one JVM of this host process (JNI allows only one) and our classes inside it.
 *
 * The first plugin instance starts it, or finds a JVM that someone else already started
 * (another plugin, a Java host, a JUnit test loading us through JNA) and reuses it. Our jar is
 * loaded through a class loader of our own, so it works whatever class path that JVM has.
 * Nothing per-instance lives here: every instance owns its own Java object (JavaProcessor).
 */
class JavaRuntime
{
public:
    /** The process-wide runtime; starts nothing until start() is called. */
    static JavaRuntime& instance();

    /**
     * Starts or finds the JVM and loads our bridge class. Safe to call from several threads;
     * the first call does the work (tens of ms), later calls return at once.
     * Never call this from the audio thread. Returns false and sets failureReason() on failure.
     */
    bool start();

    bool isReady() const noexcept { return ready.load (std::memory_order_acquire); }
    juce::String failureReason() const;

    /**
     * The JNIEnv of the calling thread, attaching it as a daemon thread on first use and
     * detaching it when the thread ends. After the first call on a thread this is a
     * thread-local read: real-time safe. Returns nullptr when no JVM runs.
     */
    JNIEnv* env();

    /** org.foldback.bridge.NativeProcessor, loaded through our class loader (a global ref). */
    jclass processorClass() const noexcept { return bridgeClass; }

    /** How the JVM came to be, for the log and the editor: where it was found and how long it took. */
    juce::String summary() const;

    /** Turns a pending Java exception into text and clears it; empty when none was pending. */
    static juce::String takeException (JNIEnv* env);

    /** Where a method ID goes, and the method (name and JNI signature, from the boundary contract). */
    struct MethodSpec { jmethodID* id; const contract::JniMethod& method; };

    /**
     * Looks up every method of {@code cls} once (a jar from another build may lack one, and
     * calling a null ID would crash). Returns the first missing one as name + signature, with its
     * exception cleared, or empty when all exist.
     */
    static juce::String lookUpMethods (JNIEnv* env, jclass cls, std::initializer_list<MethodSpec> methods);

private:
    JavaRuntime() = default;
    bool startLocked();
    bool createOrReuseVm (const juce::File& jar);
    bool loadBridge (JNIEnv* env, const juce::File& jar);
    bool fail (const juce::String& reason);

    mutable std::mutex mutex;
    std::atomic<bool> ready { false };
    bool attempted = false;
    juce::String reason;
    juce::String origin;
    double startMillis = 0;

    JavaVM* vm = nullptr;
    jclass bridgeClass = nullptr;
};
} // namespace foldback
