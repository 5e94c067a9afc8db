#pragma once

#include "JavaRuntime.h"
#include "ShimInstance.h"

#include <atomic>
#include <vector>

namespace foldback
{
/**
 * One plugin instance's Java object (org.foldback.bridge.NativeProcessor) and the direct buffers
 * it shares with us. The audio path is: memcpy the host's channels into inputChannel(), one JNI
 * call to process(), memcpy the cues out of outputChannel(). Nothing on that path allocates.
 *
 * Every method but process() runs on a non-audio thread. If Java throws, the instance is marked
 * failed with a reason, and the processor bypasses it.
 */
class JavaProcessor
{
public:
    /** Creates the Java object. Java's JNA calls (ShimExports.cpp) reach the instance through
        shim; shimLibraryPath is the binary that exports them. */
    JavaProcessor (ShimInstance& shim, const juce::String& shimLibraryPath);
    ~JavaProcessor();

    bool isAlive() const noexcept { return object != nullptr && ! failed.load (std::memory_order_acquire); }
    juce::String failureReason() const;

    /** Allocates the Java side's buffers for this block size; false (with a reason) on failure. */
    /** realtime: the host plays in real time (not an offline bounce); the first such prepare in
        the process runs the JIT warm-up (seconds). */
    bool prepare (double sampleRate, int maxBlockSize, int sources, int cues, bool realtime);
    void release();
    int maxBlockSize() const noexcept { return preparedBlockSize; }

    float* inputChannel (int channel) noexcept  { return inputs + channel * preparedBlockSize; }
    const float* outputChannel (int channel) const noexcept { return outputs + channel * preparedBlockSize; }

    /** Where process() picks up host parameter changes: indices, and normalized values. */
    int* changeIndices() noexcept { return changedIndex; }
    float* changeValues() noexcept { return changedValue; }

    /**
     * Mixes numSamples (<= maxBlockSize) on the audio thread. Returns false if Java failed; the
     * reason is kept for the message thread to log (no I/O here).
     */
    bool process (int numSamples, int changeCount) noexcept;

    /** The error Java reported from process, if any (message thread; it allocates). */
    juce::String takeProcessError();

    // Message-thread calls.
    /** The state; `pending` holds the host's value of each parameter Java has not been handed
        yet (NaN for the others), one per parameter of the table. */
    juce::MemoryBlock getState (const std::vector<float>& pending = {});   // pending: host values not yet given to Java (NaN: none)
    juce::String setState (const void* data, int size);      // empty on success, else why not
    std::vector<float> normalizedValues();
    juce::String formatValue (int index, float normalized);
    float parseValue (int index, const juce::String& text);   // NaN when the text means nothing
    juce::StringArray programNames();
    juce::String loadProgram (int index);                     // empty on success
    int currentProgram();                                     // the program the state came from
    void trackName (const juce::String& name);                // the host's track name ("" for none)
    /** The block timing for the editor's DSP read-out: percent over the last interval, the rest
        since prepare. */
    void blockFigures (uint64_t blocks, uint64_t lateBlocks, double percent, double worstMillis);

    /** The Java NativeProcessor (a global reference this object owns), for the editor. */
    jobject javaObject() const noexcept { return object; }

private:
    bool markFailed (const juce::String& why);
    juce::String lookUpMethods (JNIEnv* e);   // empty when all exist, else the missing one
    JNIEnv* objectEnv();                      // null without a Java object or a JVM thread

    jobject object = nullptr;
    struct Methods
    {
        jmethodID process = nullptr;
        jmethodID blockFigures = nullptr;
        jmethodID changeBuffer = nullptr;
        jmethodID release = nullptr;
        jmethodID prepare = nullptr;
        jmethodID inputBuffer = nullptr;
        jmethodID outputBuffer = nullptr;
        jmethodID lastError = nullptr;
        jmethodID getState = nullptr;
        jmethodID setState = nullptr;
        jmethodID normalizedValues = nullptr;
        jmethodID formatValue = nullptr;
        jmethodID parseValue = nullptr;
        jmethodID programNames = nullptr;
        jmethodID loadProgram = nullptr;
        jmethodID currentProgram = nullptr;
        jmethodID dispose = nullptr;
        jmethodID trackName = nullptr;
    } methods;
    float* inputs = nullptr;
    float* outputs = nullptr;
    int* changedIndex = nullptr;
    float* changedValue = nullptr;
    int preparedBlockSize = 0;

    std::atomic<bool> failed { false };
    std::atomic<bool> processFailed { false };
    juce::String reason;
};
} // namespace foldback
