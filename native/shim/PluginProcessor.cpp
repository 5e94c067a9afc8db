#include "PluginProcessor.h"

#include "Boundary.h"
#include "JvmLocator.h"
#include "Log.h"
#include "GlEditor.h"
#include "StatusEditor.h"

#include <cmath>
#include <ctime>
#include <limits>

namespace foldback
{
namespace
{
/** Highest sample the no-Java fallback lets through: the engine's default ceiling. */
constexpr float fallbackCeiling = contract::fallbackCeiling;
} // namespace

juce::AudioProcessor::BusesProperties FoldbackProcessor::declaredBuses()
{
    // The layout is Java's (Boundary, generated into Boundary.h at build time): the same with or
    // without a Java runtime, so a session keeps its buses and routing on a machine without one.
    auto buses = BusesProperties();
    for (int s = 0; s < contract::buses::maxSources; ++s)
        buses = buses.withInput (contract::buses::sourceNames[s], juce::AudioChannelSet::stereo(), true);
    for (int c = 0; c < contract::buses::maxCues; ++c)
        buses = buses.withOutput (contract::buses::cueNames[c], juce::AudioChannelSet::stereo(), true);
    return buses;
}

FoldbackProcessor::FoldbackProcessor()
    : AudioProcessor (declaredBuses())
{
    // Channel maps are valid before the first prepare too: a host may process before it.
    mapChannels();
    JavaRuntime::instance().start();   // the first instance starts the JVM; later ones find it running
    // The binary that holds ShimExports.cpp: the plugin .so, or the standalone executable.
    java = std::make_unique<JavaProcessor> (*this, ownBinaryFile().getFullPathName());

    auto formatter = [this] (int index, float v) { return java->formatValue (index, v); };
    auto parser = [this] (int index, const juce::String& text) { return java->parseValue (index, text); };

    // Declared from the compiled-in table, Java or not: a session's automation survives without Java.
    // Each cue's parameters (IDs "cueN.…", consecutive in the table) form a group, which VST3
    // hosts show as a unit per cue; the order, the IDs and so the state are the table's. The
    // specs (texts, ranges, cues) are made once per process and shared by every instance.
    const auto& specs = FoldbackParameter::Spec::table();
    parameters.reserve (specs.size());
    std::unique_ptr<juce::AudioProcessorParameterGroup> cueGroup;
    int groupCue = -1;
    for (int i = 0; i < (int) specs.size(); ++i)
    {
        auto p = std::make_unique<FoldbackParameter> (i, specs[(size_t) i], formatter, parser);
        p->anyChange = &anyParameterChange;
        parameters.push_back (p.get());
        if (p->getSpec().id == "bypass")
            bypassParameter = p.get();

        const int cue = p->getSpec().cue;
        if (cue != groupCue && cueGroup != nullptr)
            addParameterGroup (std::move (cueGroup));
        if (cue >= 0 && cue != groupCue)
            cueGroup = std::make_unique<juce::AudioProcessorParameterGroup> ("cue" + juce::String (cue + 1),
                                                                             contract::buses::cueNames[cue], "|");
        groupCue = cue;
        if (cue >= 0)
            cueGroup->addChild (std::move (p));
        else
            addParameter (p.release());
    }
    if (cueGroup != nullptr)
        addParameterGroup (std::move (cueGroup));

    programs = java->programNames();
    if (programs.isEmpty())
        programs.add (contract::defaultProgramName);   // without Java: the default state only
    if (! java->isAlive())
        instanceProblem = java->failureReason();
    else
        logLine ("instance ready: " + juce::String (parameters.size()) + " parameters, "
                 + juce::String (getBusCount (true)) + " source buses, " + juce::String (getBusCount (false)) + " cue buses");
    startTimerHz (2);
}

FoldbackProcessor::~FoldbackProcessor()
{
    *self = nullptr;   // calls from Java still queued for the message thread now do nothing
    cancelPendingUpdate();
    stopTimer();
    timerCallback();   // log anything the audio thread left behind
    logBlockTelemetry();   // JUCE's LV2 wrapper never calls releaseResources
}

//== Lifecycle =======================================================================================

void FoldbackProcessor::prepareToPlay (double sampleRate, int samplesPerBlock)
{
    mapChannels();
    telemetry.prepare (sampleRate);
    // Offline (a bounce, a render: VST3's kOffline process mode) there are no deadlines, so no warm-up.
    javaPrepared = java->prepare (sampleRate, juce::jmax (1, samplesPerBlock), activeSources, activeCues, ! isNonRealtime());
    if (! javaPrepared)
        instanceProblem = java->failureReason();
    else
        logLine ("prepared: " + juce::String (sampleRate) + " Hz, blocks up to " + juce::String (samplesPerBlock)
                 + ", " + juce::String (activeSources) + " sources, " + juce::String (activeCues) + " cues"
                 + (isNonRealtime() ? ", offline" : ""));
    // No parameter is marked here: every change since the instance was made is marked already
    // and reaches Java with the next block (one a failed block took is marked again:
    // mixThroughJava), so Java holds the host's values without the 569 of them at each prepare.
}

void FoldbackProcessor::releaseResources()
{
    logBlockTelemetry();
    java->release();
    javaPrepared = false;
}

bool FoldbackProcessor::isBusesLayoutSupported (const BusesLayout& layouts) const
{
    // The rule is the boundary's (Boundary.REQUIRED_*): every bus stereo or off, and the first
    // buses (the main input and cue 1, which carry the pass-through) present.
    auto accepted = [] (const juce::Array<juce::AudioChannelSet>& sets, int required)
    {
        if (sets.size() < required)
            return false;
        for (int i = 0; i < sets.size(); ++i)
        {
            bool stereo = sets.getReference (i) == juce::AudioChannelSet::stereo();
            if (! stereo && (i < required || ! sets.getReference (i).isDisabled()))
                return false;
        }
        return true;
    };
    return accepted (layouts.inputBuses, contract::buses::requiredSources)
        && accepted (layouts.outputBuses, contract::buses::requiredCues);
}

void FoldbackProcessor::mapChannels()
{
    inputChannel.fill (-1);
    outputChannel.fill (-1);
    activeSources = 1;
    activeCues = 1;
    for (int bus = 0; bus < getBusCount (true) && 2 * bus + 1 < maxChannels; ++bus)
        if (auto* b = getBus (true, bus); b != nullptr && b->isEnabled() && b->getNumberOfChannels() == 2)
        {
            inputChannel[(size_t) (2 * bus)] = getChannelIndexInProcessBlockBuffer (true, bus, 0);
            inputChannel[(size_t) (2 * bus + 1)] = getChannelIndexInProcessBlockBuffer (true, bus, 1);
            activeSources = bus + 1;
        }
    for (int bus = 0; bus < getBusCount (false) && 2 * bus + 1 < maxChannels; ++bus)
        if (auto* b = getBus (false, bus); b != nullptr && b->isEnabled() && b->getNumberOfChannels() == 2)
        {
            outputChannel[(size_t) (2 * bus)] = getChannelIndexInProcessBlockBuffer (false, bus, 0);
            outputChannel[(size_t) (2 * bus + 1)] = getChannelIndexInProcessBlockBuffer (false, bus, 1);
            activeCues = bus + 1;
        }
}

//== The audio path ==================================================================================

void FoldbackProcessor::processBlock (juce::AudioBuffer<float>& buffer, juce::MidiBuffer&)
{
    if (wrapperType == wrapperType_LV2)
        followHostEnabled (true);
    runBlock (buffer);
}

void FoldbackProcessor::processBlockBypassed (juce::AudioBuffer<float>& buffer, juce::MidiBuffer&)
{
    // JUCE's default bypass leaves every input in place, and the process buffer is shared: cue N
    // would play source N raw, past the limiter. Our bypass (cue 1 = main input, the rest silent,
    // crossfaded) is the engine's, so a host's bypass goes through it too.
    if (wrapperType == wrapperType_LV2)
        followHostEnabled (false);
    else if (bypassParameter != nullptr && bypassParameter->getValue() < 0.5f)
        bypassParameter->setValue (1.0f);   // atomic; the host already knows it bypassed us
    runBlock (buffer);
}

void FoldbackProcessor::followHostEnabled (bool enabled) noexcept
{
    // LV2: the bypass parameter follows the host's lv2:enabled port, as JUCE's LV2 wrapper makes
    // it follow when the plugin names a bypass parameter; but the wrapper sets it and tells the
    // host on every run(), changed or not: two locks on the audio thread, every listener called,
    // and a patch:Set atom out to the host every period. So under LV2 the plugin names none
    // (getBypassParameter), the wrapper calls processBlock or processBlockBypassed by the port,
    // and the host hears of the parameter only when it changes.
    //
    // This is the audio thread: the value is set atomically (Java takes it with this block) and
    // the host is told from the message thread, by the timer (JUCE's listeners, which tell the
    // host, may lock), at most half a second later; the audio has followed the port already.
    const float bypass = enabled ? 0.0f : 1.0f;
    if (bypassParameter != nullptr && bypassParameter->getValue() != bypass)
    {
        bypassParameter->setValue (bypass);
        bypassParameter->hostNotUpdated.store (true);
        bypassNotTold.store (true, std::memory_order_release);
    }
}

void FoldbackProcessor::runBlock (juce::AudioBuffer<float>& buffer)
{
    juce::ScopedNoDenormals noDenormals;
    const int numSamples = buffer.getNumSamples();
    if (numSamples == 0)
        return;

    const auto start = BlockTelemetry::now();
    const auto startCpu = BlockTelemetry::threadCpuNow();
    javaCallNanos = 0;
    if (javaPrepared && java->isAlive())
        mixThroughJava (buffer, numSamples);
    else
        bypassToMainInput (buffer, 0);
    // The thread's CPU time is a system call (the wall clock is not): read it again only for a
    // late block, the one whose on-CPU share the log gives.
    const auto elapsed = BlockTelemetry::now() - start;
    const auto cpu = telemetry.isLate (numSamples, elapsed) ? BlockTelemetry::threadCpuNow() - startCpu : 0;
    telemetry.record (numSamples, elapsed, javaCallNanos, cpu);
}

void FoldbackProcessor::logBlockTelemetry()
{
    const auto t = telemetry.snapshot();
    if (t.blocks == 0 || t.blocks == loggedBlocks)   // hosts may release twice
        return;
    loggedBlocks = t.blocks;
    // Read by tests and the bench (native/bench/PERFORMANCE.md, "Block-time telemetry"): keep the keys.
    logLine (juce::String ("block time: blocks=") + juce::String ((juce::int64) t.blocks)
             + " dsp_percent=" + juce::String (t.dspPercent(), 3)
             + " mean_us=" + juce::String (t.meanProcessMicros(), 2)
             + " java_mean_us=" + juce::String (t.meanJavaMicros(), 2)
             + " worst_us=" + juce::String ((double) t.worstProcessNanos / 1e3, 1)
             + " java_worst_us=" + juce::String ((double) t.worstJavaNanos / 1e3, 1)
             + " median_us=" + juce::String (telemetry.processPercentileMicros (0.5), 2)
             + " p99_us=" + juce::String (telemetry.processPercentileMicros (0.99), 2)
             + " java_median_us=" + juce::String (telemetry.javaPercentileMicros (0.5), 2)
             + " java_p99_us=" + juce::String (telemetry.javaPercentileMicros (0.99), 2)
             + " late=" + juce::String ((juce::int64) t.lateBlocks) + " (over half the period)");

    // When the late blocks not logged yet happened (the newest 64), to line up with the JVM's and
    // the host's logs.
    BlockTelemetry::LateBlock late[BlockTelemetry::lateLogSize];
    if (t.lateBlocks < loggedLateBlocks)   // prepared again
        loggedLateBlocks = 0;
    uint64_t first = 0;
    const int count = telemetry.lateBlockLog (loggedLateBlocks, late, first);
    juce::String list;
    for (int i = 0; i < count; ++i)
    {
        const auto seconds = (time_t) (late[i].startUnixNanos / 1000000000u);
        std::tm utc {};
        gmtime_r (&seconds, &utc);
        char hms[16];
        std::strftime (hms, sizeof hms, "%H:%M:%S", &utc);
        list << (i == 0 ? "" : ", ") << hms << "." << juce::String ((int) (late[i].startUnixNanos % 1000000000u / 1000u)).paddedLeft ('0', 6)
             << " " << juce::String ((int) (late[i].processNanos / 1000u)) << " us (java "
             << juce::String ((int) (late[i].javaNanos / 1000u)) << ", on cpu "
             << juce::String ((int) (late[i].cpuNanos / 1000u)) << ")";
    }
    if (count > 0)
        logLine ("late blocks " + juce::String ((juce::int64) first + 1) + "-" + juce::String ((juce::int64) first + count)
                 + " (UTC start, processBlock us (Java call, on a CPU)): " + list);
    loggedLateBlocks = first + (uint64_t) count;
}

void FoldbackProcessor::logLateBlocksWhilePlaying()
{
    // Some hosts never release a plugin they are killed with (jalv stuck in jack_client_close:
    // PERFORMANCE.md), so the figures are logged while playing too: at most every 10 s when there
    // are new late blocks, and every minute anyway (the block-time distribution of a run without
    // late blocks is a figure too; a line a minute is what a day's session can carry).
    const auto now = juce::Time::getMillisecondCounter();
    if (now - lastLateLogMillis < 10000)
        return;
    const auto t = telemetry.snapshot();
    const bool newLate = t.lateBlocks != 0 && t.lateBlocks != loggedLateCount;
    if (! newLate && (now - lastLateLogMillis < 60000 || t.blocks == 0 || t.blocks == loggedBlocks))
        return;
    loggedLateCount = t.lateBlocks;
    lastLateLogMillis = now;
    loggedBlocks = 0;   // the line on release still comes
    logBlockTelemetry();
}

void FoldbackProcessor::mixThroughJava (juce::AudioBuffer<float>& buffer, int numSamples)
{
    int changes = collectParameterChanges();

    // Hosts may send blocks larger than they announced: split them into prepared-size pieces.
    for (int start = 0; start < numSamples;)
    {
        const int n = juce::jmin (java->maxBlockSize(), numSamples - start);
        const size_t bytes = sizeof (float) * (size_t) n;

        for (int ch = 0; ch < 2 * activeSources; ++ch)
        {
            auto index = inputChannel[(size_t) ch];
            if (index >= 0)
                std::memcpy (java->inputChannel (ch), buffer.getReadPointer (index, start), bytes);
            else
                std::memset (java->inputChannel (ch), 0, bytes);
        }

        const auto javaStart = BlockTelemetry::now();
        const bool ok = java->process (n, changes);
        javaCallNanos += BlockTelemetry::now() - javaStart;
        if (! ok)
        {
            // Java may have thrown before taking these values: they go again with the first
            // block after the host prepares us again (until then we bypass).
            remarkChanges (changes);
            bypassToMainInput (buffer, start);   // the timer logs why, off the audio thread
            return;
        }

        for (int ch = 0; ch < 2 * activeCues; ++ch)
            if (auto index = outputChannel[(size_t) ch]; index >= 0)
                std::memcpy (buffer.getWritePointer (index, start), java->outputChannel (ch), bytes);

        changes = 0;
        start += n;
    }
}

int FoldbackProcessor::collectParameterChanges() noexcept
{
    if (! anyParameterChange.exchange (false, std::memory_order_acq_rel))
        return 0;
    int count = 0;
    auto* indices = java->changeIndices();
    auto* values = java->changeValues();
    for (size_t i = 0; i < parameters.size(); ++i)
        if (parameters[i]->takeChange())
        {
            indices[count] = (int) i;
            values[count] = parameters[i]->getValue();
            ++count;
        }
    return count;
}

void FoldbackProcessor::remarkChanges (int count) noexcept
{
    const auto* indices = java->changeIndices();
    for (int i = 0; i < count; ++i)
        if (auto* p = parameterAt (indices[i]))
            p->markChanged();
    if (count > 0)
        anyParameterChange.store (true, std::memory_order_release);
}

void FoldbackProcessor::bypassToMainInput (juce::AudioBuffer<float>& buffer, int startSample) noexcept
{
    const int n = buffer.getNumSamples() - startSample;
    for (int ch = 0; ch < 2 * activeCues; ++ch)
    {
        auto index = outputChannel[(size_t) ch];
        if (index < 0)
            continue;
        auto* out = buffer.getWritePointer (index, startSample);
        const bool isCueOne = ch < 2 && inputChannel[(size_t) ch] == index;   // in-place: main in is cue 1
        if (! isCueOne)
        {
            std::memset (out, 0, sizeof (float) * (size_t) n);
            continue;
        }
        for (int i = 0; i < n; ++i)
        {
            const float x = std::isfinite (out[i]) ? out[i] : 0.0f;
            out[i] = juce::jlimit (-fallbackCeiling, fallbackCeiling, x);
        }
    }
}

//== State and programs ==============================================================================

void FoldbackProcessor::getStateInformation (juce::MemoryBlock& destData)
{
    // The same test as setStateInformation: without Java, hand back the blob we kept verbatim.
    if (! JavaRuntime::instance().isReady())
    {
        destData = stateWithoutJava;
        return;
    }
    // Values the host set since the last block have not reached Java yet (a VST3 parameter
    // flush sets them without any block): they go along, so the state holds what the host has.
    // None pending (a new instance, any state saved between blocks): an empty list, which Java
    // need not walk.
    std::vector<float> pending;
    for (size_t i = 0; i < parameters.size(); ++i)
        if (parameters[i]->changePending())
        {
            if (pending.empty())
                pending.assign (parameters.size(), std::numeric_limits<float>::quiet_NaN());
            pending[i] = parameters[i]->getValue();
        }
    destData = java->getState (pending);
    logStateOnce ("state saved", destData.getData(), destData.getSize());
}

void FoldbackProcessor::setStateInformation (const void* data, int sizeInBytes)
{
    if (JavaRuntime::instance().isReady() == false)
    {
        // Keep the host's blob untouched so saving the session again loses nothing.
        stateWithoutJava.replaceAll (data, (size_t) juce::jmax (0, sizeInBytes));
        logLine ("state kept verbatim (" + juce::String (sizeInBytes) + " bytes): Java is not running");
        return;
    }
    auto problem = java->setState (data, sizeInBytes);
    if (problem.isNotEmpty())
    {
        instanceProblem = "state not loaded, current settings kept: " + problem;
        logLine (instanceProblem);
        return;
    }
    currentProgram = java->currentProgram();
    // Inside this call, never later: the wrappers expect it so. JUCE's VST3 wrapper ignores our
    // notices while the host sets a state and then copies every value from us into its controller
    // (setComponentState); LV2's caches them for the host. A notice sent later from our message
    // thread became an edit (performEdit) that the host played into the next block, and when the
    // host had loaded another state in between, that edit put the earlier state's values back
    // (state_across_processes: up to 485 of 1,000 states kept some of the previous one's values).
    adoptJavaValues (TellHost::duringTheCall);
    logStateOnce ("state restored", data, (size_t) sizeInBytes);
}

void FoldbackProcessor::logStateOnce (const char* what, const void* data, size_t size)
{
    // A fingerprint (FNV-1a, 64 bits) lets anyone check from the log that a host gave back the
    // bytes it was given (native/tests/state_in_ardour.sh does). Some hosts ask for the state on
    // every edit, so a save is logged only when the bytes differ from the last logged ones.
    uint64_t hash = 0xcbf29ce484222325ull;
    for (size_t i = 0; i < size; ++i)
        hash = (hash ^ static_cast<const uint8_t*> (data)[i]) * 0x100000001b3ull;
    const juce::ScopedLock lock (stateLogLock);   // message and background threads, never audio
    if (hash == lastLoggedState)
        return;
    lastLoggedState = hash;
    logLine (juce::String (what) + ": " + juce::String ((juce::int64) size) + " bytes, fingerprint "
             + juce::String::toHexString ((juce::int64) hash).paddedLeft ('0', 16));
}

int FoldbackProcessor::getNumPrograms()
{
    return juce::jmax (1, programs.size());   // hosts expect at least one program
}

void FoldbackProcessor::setCurrentProgram (int index)
{
    // Hosts re-send the current program after restoring a session: loading it again would
    // overwrite the user's edits with the preset.
    if (! juce::isPositiveAndBelow (index, programs.size()) || index == currentProgram)
        return;
    if (auto problem = java->loadProgram (index); problem.isNotEmpty())
    {
        logLine ("program " + juce::String (index) + " not loaded: " + problem);
        return;
    }
    currentProgram = index;
    adoptJavaValues (TellHost::onMessageThread);
    logLine ("program " + juce::String (index) + " loaded: " + programs[index]);
}

void FoldbackProcessor::updateTrackProperties (const TrackProperties& properties)
{
    // VST3 hosts tell the track's name (IInfoListener); the web remote lists the instance under
    // it unless the engineer named the instance. Message thread, as JUCE promises.
    java->trackName (properties.name);
}

const juce::String FoldbackProcessor::getProgramName (int index)
{
    return juce::isPositiveAndBelow (index, programs.size()) ? programs[index] : juce::String (contract::defaultProgramName);
}

void FoldbackProcessor::adoptJavaValues (TellHost when)
{
    // Java's values changed wholesale (a program or a state was loaded). Our parameters take them
    // now, silently, and the host hears of them: a state's inside the host's call (see
    // setStateInformation), a program's on the plugin's message thread.
    //
    // Why not setValueNotifyingHost here: on Linux, JUCE's VST3 wrapper runs its own message
    // thread until the host opens an editor, so a host that loads a program or a state from its
    // GUI thread calls us on what JUCE takes for a background thread. JUCE then queues the values
    // as output parameter changes of the next block, the host passes them on to the controller
    // later, and by then they are stale: they overwrote the edits the host made right after the
    // program change (validate_state and validate_param_values caught it).
    auto values = java->normalizedValues();
    for (size_t i = 0; i < values.size() && i < parameters.size(); ++i)
        if (parameters[i]->getValue() != values[i])
        {
            parameters[i]->setValue (values[i]);   // Java already has it: the echo changes nothing
            parameters[i]->hostNotUpdated.store (true);
        }

    if (when == TellHost::duringTheCall || juce::MessageManager::existsAndIsCurrentThread())
        handleAsyncUpdate();
    else
        triggerAsyncUpdate();
}

void FoldbackProcessor::handleAsyncUpdate()
{
    // The current value, not the loaded one: an edit made since the load must not be undone.
    for (auto* p : parameters)
        if (p->hostNotUpdated.exchange (false))
            p->sendValueChangedMessageToListeners (p->getValue());
}

//== Editor, edits from Java, deferred logging ======================================================

juce::AudioProcessorEditor* FoldbackProcessor::createEditor()
{
    juce::String whyNot;
    if (auto* editor = GlEditor::create (*this, java.get(), whyNot))
        return editor;
    return new StatusEditor (*this, whyNot);
}

juce::String FoldbackProcessor::statusText() const
{
    return StatusView::describeJava (instanceProblem);
}

FoldbackParameter* FoldbackProcessor::parameterAt (int index) const
{
    return juce::isPositiveAndBelow (index, (int) parameters.size()) ? parameters[(size_t) index] : nullptr;
}

void FoldbackProcessor::onMessageThread (std::function<void (FoldbackProcessor&)> call)
{
    // Hosts expect gestures, program changes and "state changed" on their message thread, where
    // the editor's input arrives. A surface's own thread (the web remote, OSC) gets its calls
    // queued there instead; the message queue keeps them in order. Without a message manager
    // (no host loop) there is no other thread to hand them to.
    auto* mm = juce::MessageManager::getInstanceWithoutCreating();
    if (mm == nullptr || mm->isThisTheMessageThread())
    {
        call (*this);
        return;
    }
    juce::MessageManager::callAsync ([alive = self, call = std::move (call)]
    {
        if (auto* processor = *alive)
            call (*processor);
    });
}

void FoldbackProcessor::beginEditFromJava (int index)
{
    onMessageThread ([index] (FoldbackProcessor& self)
    {
        if (auto* p = self.parameterAt (index))
            p->beginChangeGesture();
    });
}

void FoldbackProcessor::performEditFromJava (int index, float normalized)
{
    onMessageThread ([index, normalized] (FoldbackProcessor& self)
    {
        if (auto* p = self.parameterAt (index))
            p->setValueNotifyingHost (normalized);
    });
}

void FoldbackProcessor::setProgramFromJava (int index)
{
    onMessageThread ([index] (FoldbackProcessor& self)
    {
        self.setCurrentProgram (index);
        self.updateHostDisplay (ChangeDetails().withProgramChanged (true));
    });
}

void FoldbackProcessor::stateChangedFromJava()
{
    onMessageThread ([] (FoldbackProcessor& self)
    {
        self.updateHostDisplay (ChangeDetails().withNonParameterStateChanged (true));
    });
}

void FoldbackProcessor::stateLoadedFromJava()
{
    // The same as after setStateInformation: our parameters take Java's values and the host hears
    // of them; the state beside the parameters (names, slots) changed too.
    onMessageThread ([] (FoldbackProcessor& self)
    {
        self.currentProgram = self.java->currentProgram();
        self.adoptJavaValues (TellHost::onMessageThread);   // we are on it
        self.updateHostDisplay (ChangeDetails().withNonParameterStateChanged (true));
        logLine ("state loaded by the editor or another surface (a user preset)");
    });
}

float FoldbackProcessor::valueForJava (int index) const
{
    if (auto* p = parameterAt (index))
        return p->getValue();
    return std::numeric_limits<float>::quiet_NaN();
}

void FoldbackProcessor::endEditFromJava (int index)
{
    onMessageThread ([index] (FoldbackProcessor& self)
    {
        if (auto* p = self.parameterAt (index))
            p->endChangeGesture();
    });
}

void FoldbackProcessor::timerCallback()
{
    if (bypassNotTold.exchange (false, std::memory_order_acq_rel))
        handleAsyncUpdate();   // the host's bypass port moved the bypass parameter (followHostEnabled)

    if (auto problem = java->takeProcessError(); problem.isNotEmpty())
    {
        instanceProblem = problem + " (bypassed until the host prepares the plugin again)";
        logLine (instanceProblem);
    }
    handBlockFiguresToJava();
    logLateBlocksWhilePlaying();
}

void FoldbackProcessor::handBlockFiguresToJava()
{
    // The editor's "DSP 7 %": processBlock time over audio time since the last tick (half a
    // second), so it follows what the performer is doing now; late blocks and the worst since prepare.
    const auto now = telemetry.snapshot();
    if (now.blocks < shownTelemetry.blocks)   // prepared again: the figures restarted
        shownTelemetry = {};
    if (now.blocks == shownTelemetry.blocks)
        return;
    const auto audio = now.audioNanos - shownTelemetry.audioNanos;
    const auto percent = audio == 0 ? 0.0 : 100.0 * (double) (now.processNanos - shownTelemetry.processNanos) / (double) audio;
    java->blockFigures (now.blocks, now.lateBlocks, percent, (double) now.worstProcessNanos / 1e6);
    shownTelemetry = now;
}
} // namespace foldback

juce::AudioProcessor* JUCE_CALLTYPE createPluginFilter()
{
    return new foldback::FoldbackProcessor();
}
