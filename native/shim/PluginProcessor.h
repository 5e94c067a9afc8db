#pragma once

#include "BlockTelemetry.h"
#include "FoldbackParameter.h"
#include "JavaProcessor.h"
#include "ShimInstance.h"

#include <juce_audio_processors/juce_audio_processors.h>

#include <array>
#include <functional>
#include <memory>
#include <vector>

namespace foldback
{
/**
 * The plugin as hosts see it: a thin JUCE AudioProcessor that hands every block to the Java
 * processor and back. Buses and parameters are what the Java side declares, compiled in from the
 * generated boundary header (Boundary.h), so they are the same with or without a Java runtime.
 *
 * Without Java (none found, failed to start, threw) it never crashes the host: the main input
 * passes to cue 1 (made finite and held under -1 dBFS), the other cues are silent, and the editor
 * and the log say why.
 */
class FoldbackProcessor final : public juce::AudioProcessor,
                                public ShimInstance,
                                private juce::Timer,
                                private juce::AsyncUpdater
{
public:
    FoldbackProcessor();
    ~FoldbackProcessor() override;

    //== Lifecycle ==================================================================================
    void prepareToPlay (double sampleRate, int samplesPerBlock) override;
    void releaseResources() override;
    bool isBusesLayoutSupported (const BusesLayout& layouts) const override;
    void processBlock (juce::AudioBuffer<float>& buffer, juce::MidiBuffer& midi) override;
    void processBlockBypassed (juce::AudioBuffer<float>& buffer, juce::MidiBuffer& midi) override;
    using AudioProcessor::processBlock;

    //== State and programs (factory presets) =======================================================
    void getStateInformation (juce::MemoryBlock& destData) override;
    void setStateInformation (const void* data, int sizeInBytes) override;
    int getNumPrograms() override;
    int getCurrentProgram() override { return currentProgram; }
    void setCurrentProgram (int index) override;
    const juce::String getProgramName (int index) override;
    void changeProgramName (int, const juce::String&) override {}
    void updateTrackProperties (const TrackProperties& properties) override;

    //== Editor and description =====================================================================
    bool hasEditor() const override { return true; }
    juce::AudioProcessorEditor* createEditor() override;
    const juce::String getName() const override { return JucePlugin_Name; }
    bool acceptsMidi() const override { return false; }
    bool producesMidi() const override { return false; }
    bool isMidiEffect() const override { return false; }
    double getTailLengthSeconds() const override { return 0.0; }
    /** None under LV2: see followHostEnabled. */
    juce::AudioProcessorParameter* getBypassParameter() const override
    {
        return wrapperType == wrapperType_LV2 ? nullptr : bypassParameter;
    }

    /** What the editor shows: whether Java runs, and if not, why. */
    juce::String statusText() const;

    //== Calls from Java through JNA (ShimExports.cpp) ==============================================
    // Any Java thread may call these (the editor on the message thread, the remote's and OSC's
    // servers on their own): the ones that reach the host run on the message thread, in order.
    void beginEditFromJava (int index) override;
    void performEditFromJava (int index, float normalized) override;
    void endEditFromJava (int index) override;
    float valueForJava (int index) const override;
    void setProgramFromJava (int index) override;
    void stateChangedFromJava() override;
    void stateLoadedFromJava() override;

    /** Block times since prepare (processBlock, the Java call, worst, late blocks); any thread. */
    BlockTelemetry::Snapshot blockTelemetry() const noexcept override { return telemetry.snapshot(); }

private:
    static BusesProperties declaredBuses();
    void runBlock (juce::AudioBuffer<float>& buffer);   // processBlock and processBlockBypassed, after the bypass
    void followHostEnabled (bool enabled) noexcept;
    void mixThroughJava (juce::AudioBuffer<float>& buffer, int numSamples);
    void bypassToMainInput (juce::AudioBuffer<float>& buffer, int startSample) noexcept;
    int collectParameterChanges() noexcept;
    void remarkChanges (int count) noexcept;   // the first `count` collected changes go again
    void mapChannels();
    /** When the host hears of values a load changed: inside the host's own call, or later on our message thread. */
    enum class TellHost { duringTheCall, onMessageThread };
    void adoptJavaValues (TellHost when);
    void logStateOnce (const char* what, const void* data, size_t size);
    void logBlockTelemetry();
    void logLateBlocksWhilePlaying();
    void handleAsyncUpdate() override;
    void timerCallback() override;
    void handBlockFiguresToJava();   // message thread: the editor's DSP read-out
    FoldbackParameter* parameterAt (int index) const;
    void onMessageThread (std::function<void (FoldbackProcessor&)> call);

    std::unique_ptr<JavaProcessor> java;
    std::vector<FoldbackParameter*> parameters;
    FoldbackParameter* bypassParameter = nullptr;
    std::atomic<bool> anyParameterChange { false };
    std::atomic<bool> bypassNotTold { false };   // LV2: followHostEnabled moved the bypass; the timer tells the host

    // Where each source and cue channel sits in JUCE's process buffer; -1 when its bus is off.
    static constexpr int maxChannels = 64;
    std::array<int, maxChannels> inputChannel;
    std::array<int, maxChannels> outputChannel;
    int activeSources = 1, activeCues = 1;
    bool javaPrepared = false;
    BlockTelemetry telemetry;
    uint64_t javaCallNanos = 0;   // audio thread only: this block's Java time so far
    uint64_t loggedBlocks = 0;    // message thread: the telemetry last logged
    uint64_t loggedLateBlocks = 0; // message thread: late blocks already logged
    uint64_t loggedLateCount = 0; // message thread: the late count at the last log while playing
    juce::uint32 lastLateLogMillis = 0;
    BlockTelemetry::Snapshot shownTelemetry;   // message thread: the telemetry last handed to Java

    juce::MemoryBlock stateWithoutJava;   // kept verbatim so a session saved without Java loses nothing
    juce::StringArray programs;
    int currentProgram = 0;
    juce::String instanceProblem;
    juce::CriticalSection stateLogLock;
    uint64_t lastLoggedState = 0;
    // Calls queued for the message thread hold this, not the processor: the destructor (message
    // thread) clears it, so a call still queued then finds nothing instead of a dead object.
    std::shared_ptr<FoldbackProcessor*> self { std::make_shared<FoldbackProcessor*> (this) };

    JUCE_DECLARE_NON_COPYABLE_WITH_LEAK_DETECTOR (FoldbackProcessor)
};
} // namespace foldback
