#pragma once

#include "PluginLoader.h"

#include <juce_audio_processors/juce_audio_processors.h>
#include <functional>
#include <vector>

/** What the validation cases share: feeding an instance block by block and measuring what comes
    out. Everything here runs offline; "audio thread" means whichever thread calls render(). */
namespace Validate
{
    /** The engine's default safety-limiter ceiling, -1 dBFS (Params.java: cueN.limiter.ceiling). */
    constexpr float defaultCeiling = 0.891251f;

    /** One sample of input: bus, channel, frame. Buses the layout disables are never asked. */
    using Input = std::function<float (int bus, int channel, juce::int64 frame)>;

    /** Block sizes, one call per processBlock. */
    using BlockSizes = std::function<int()>;

    /** Called before each block (frame position); automation and abuse hook in here. */
    using BeforeBlock = std::function<void (juce::int64 position, int numSamples)>;

    inline BlockSizes fixedBlocks (int size) { return [size] { return size; }; }
    BlockSizes randomBlocks (int maxSize, juce::int64 seed);

    /** A sine on the main input (both channels), silence elsewhere. */
    Input mainSine (double frequency, float amplitude, double sampleRate);

    /** Deterministic white noise in [-amplitude, amplitude] on one bus (a hash of the frame). */
    float noiseAt (juce::int64 frame, int bus, int channel, float amplitude);

    /** Every output bus's audio, in bus order; a disabled bus keeps zero channels. */
    struct Rendered
    {
        std::vector<juce::AudioBuffer<float>> cues;
        juce::int64 blocks = 0;
    };

    /** Feeds `frames` frames in blocks as `sizes` says, into a buffer with room for `capacity`
        samples (the size handed to prepare, or larger to test hosts that exceed it). */
    Rendered render (juce::AudioPluginInstance& plugin, const Input& input, juce::int64 frames,
                     const BlockSizes& sizes, int capacity, const BeforeBlock& beforeBlock = nullptr);

    //== Measurements on one bus, over [start, end) frames (end -1: to the end) ==================
    float peak (const juce::AudioBuffer<float>& bus, int start = 0, int end = -1);
    double rms (const juce::AudioBuffer<float>& bus, int start = 0, int end = -1);
    juce::int64 nonFinite (const juce::AudioBuffer<float>& bus);
    float maxStep (const juce::AudioBuffer<float>& bus, int start = 0, int end = -1);
    float maxDifference (const juce::AudioBuffer<float>& a, const juce::AudioBuffer<float>& b);
    int zeroCrossings (const juce::AudioBuffer<float>& bus, int channel, int start, int end);
    juce::int64 nonFinite (const Rendered& r);
    float peak (const Rendered& r);
    float maxDifference (const Rendered& a, const Rendered& b);
    inline double toDb (double gain) { return 20.0 * std::log10 (juce::jmax (gain, 1.0e-12)); }

    //== Parameters =============================================================================
    juce::AudioProcessorParameter* findParameter (juce::AudioPluginInstance& plugin, const juce::String& name);

    /** Sets a parameter from text as a host's generic editor would; throws HostError if absent. */
    void setByText (juce::AudioPluginInstance& plugin, const juce::String& name, const juce::String& text);

    /** Sets through the host path (gesture + notify). */
    void setNormalized (juce::AudioProcessorParameter& parameter, float value);

    //== The process ============================================================================
    juce::int64 residentBytes();   // VmRSS from /proc/self/status
    /** The memory this process holds itself: Pss_Anon + Pss_Shmem from /proc/self/smaps_rollup.
        JDK 17's ZGC maps its heap (shared memory) three times, one view per pointer colour, and
        VmRSS counts a page once per view it was touched through; Pss counts it once. Shared
        libraries are left out: their Pss moves whenever another process maps the same files. */
    juce::int64 privateBytes();
    int threadCount();             // entries of /proc/self/task

    /** The plugin's own state bytes (getStateInformation). */
    juce::MemoryBlock stateOf (juce::AudioPluginInstance& plugin);

    /** Where two states part, for a failure message: the first differing byte's offset and up to
        40 bytes of each from a little before it, non-printable bytes as \xNN. Empty when equal. */
    juce::String firstDifference (const juce::MemoryBlock& expected, const juce::MemoryBlock& actual);
}
