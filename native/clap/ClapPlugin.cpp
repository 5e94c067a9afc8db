#include "ClapPlugin.h"

#include "ClapValues.h"
#include "JvmLocator.h"
#include "Log.h"
#include "StatusView.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

namespace foldback::clap
{
using namespace table;

Plugin::Plugin (const clap_host_t* h)
    : host (h),
      values (new std::atomic<float>[contract::paramCount]),
      changed (new std::atomic<bool>[contract::paramCount]),
      changeSlot (new int[contract::paramCount])
{
    static_assert (contract::changeBuffer::capacity >= contract::paramCount, "a piece holds each parameter once");
    for (int i = 0; i < contract::paramCount; ++i)
    {
        values[i].store (contract::params[i].defaultNormalized);
        changed[i].store (true);
        changeSlot[i] = -1;
    }
    plugin.desc = &descriptor;
    plugin.plugin_data = this;
    plugin.init = [] (const clap_plugin_t* p) { return self (p).init(); };
    plugin.destroy = [] (const clap_plugin_t* p) { delete &self (p); };
    plugin.activate = [] (const clap_plugin_t* p, double rate, uint32_t, uint32_t maxFrames) { return self (p).activate (rate, maxFrames); };
    plugin.deactivate = [] (const clap_plugin_t* p) { self (p).deactivate(); };
    plugin.start_processing = [] (const clap_plugin_t*) { return true; };
    plugin.stop_processing = [] (const clap_plugin_t*) {};
    plugin.reset = [] (const clap_plugin_t*) {};
    plugin.process = [] (const clap_plugin_t* p, const clap_process_t* process) { return self (p).process (*process); };
    plugin.get_extension = [] (const clap_plugin_t* p, const char* id) { return self (p).extension (id); };
    plugin.on_main_thread = [] (const clap_plugin_t* p) { self (p).onMainThread(); };
}

Plugin::~Plugin()
{
    gui.reset();   // the editor's view holds Java's editor object
    // Then: Java's dispose closes its gate, so no surface calls into this object once it goes.
    java.reset();
    if (auto lost = edits.takeDropped())
        logLine ("CLAP: " + juce::String (lost) + " edits did not reach the host (queue full)");
}

template <typename Ext>
const Ext* Plugin::hostExtension (const char* id) const
{
    return host->get_extension == nullptr ? nullptr : static_cast<const Ext*> (host->get_extension (host, id));
}

bool Plugin::init()
{
    hostParams = hostExtension<clap_host_params_t> (CLAP_EXT_PARAMS);
    hostState = hostExtension<clap_host_state_t> (CLAP_EXT_STATE);

    JavaRuntime::instance().start();   // the first instance starts the JVM; later ones find it running
    // Java's JNA calls reach this object through the binary that exports them: Foldback.clap.
    java = std::make_unique<JavaProcessor> (*this, ownBinaryFile().getFullPathName());
    gui = std::make_unique<Gui> (*host, *java, [this]
    {
        return StatusView::describeJava (java->isAlive() ? juce::String() : java->failureReason());
    });
    programs = java->programNames();
    if (programs.isEmpty())
        programs.add (contract::defaultProgramName);
    if (java->isAlive())
        logLine ("CLAP instance ready in " + juce::String (host->name != nullptr ? host->name : "a host") + ": "
                 + juce::String (contract::paramCount) + " parameters, " + juce::String (sourcePorts) + " source ports, "
                 + juce::String (cuePorts) + " cue ports");
    else
        logLine ("CLAP instance without Java, main input to cue 1: " + java->failureReason());
    return true;   // without Java too: the host keeps a working pass-through
}

bool Plugin::activate (double sampleRate, uint32_t maxFrames)
{
    // CLAP 1.1.1 has no configurable ports: every source and cue port is always there.
    javaPrepared = java->prepare (sampleRate, (int) std::max<uint32_t> (1, maxFrames), sourcePorts, cuePorts, true);
    failureSignalled.store (false);
    if (javaPrepared)
        logLine ("CLAP prepared: " + juce::String (sampleRate) + " Hz, blocks up to " + juce::String (maxFrames));
    for (int i = 0; i < contract::paramCount; ++i)
        changed[i].store (true);   // Java gets every current value with the first block
    anyChange.store (true);
    return true;
}

void Plugin::deactivate()
{
    java->release();
    javaPrepared = false;
}

const void* Plugin::extension (const char* id) const
{
    if (std::strcmp (id, CLAP_EXT_PARAMS) == 0)
        return &paramsExtension;
    if (std::strcmp (id, CLAP_EXT_STATE) == 0)
        return &stateExtension;
    if (std::strcmp (id, CLAP_EXT_AUDIO_PORTS) == 0)
        return &audioPortsExtension;
    if (std::strcmp (id, CLAP_EXT_LATENCY) == 0)
        return &latencyExtension;
    if (std::strcmp (id, CLAP_EXT_GUI) == 0)
        return &guiExtension;
    if (std::strcmp (id, CLAP_EXT_TIMER_SUPPORT) == 0)
        return &timerExtension;
    return nullptr;
}

//== The audio path =================================================================================

void Plugin::setValue (int index, float normalized) noexcept
{
    values[index].store (normalized, std::memory_order_relaxed);
    changed[index].store (true, std::memory_order_release);
    anyChange.store (true, std::memory_order_release);
}

int Plugin::collectMainThreadChanges() noexcept
{
    // Values that changed outside process (flush, a state load, Java's edits) go to the engine
    // with the block's first piece.
    if (! javaPrepared || ! anyChange.exchange (false, std::memory_order_acq_rel))
        return 0;
    int count = 0;
    for (int i = 0; i < contract::paramCount; ++i)
        if (changed[i].exchange (false, std::memory_order_acq_rel))
            count = addChange (i, values[i].load (std::memory_order_relaxed), count);
    return count;
}

int Plugin::addChange (int index, float normalized, int changeCount) noexcept
{
    if (const int slot = changeSlot[index]; slot >= 0)
    {
        java->changeValues()[slot] = normalized;   // the same piece, the same time: the last value wins
        return changeCount;
    }
    changeSlot[index] = changeCount;
    java->changeIndices()[changeCount] = index;
    java->changeValues()[changeCount] = normalized;
    return changeCount + 1;
}

void Plugin::clearChangeSlots (int changeCount) noexcept
{
    for (int i = 0; i < changeCount; ++i)
        changeSlot[java->changeIndices()[i]] = -1;
}

int Plugin::applyEvent (const clap_event_header_t& event, int changeCount) noexcept
{
    if (event.space_id != CLAP_CORE_EVENT_SPACE_ID || event.type != CLAP_EVENT_PARAM_VALUE)
        return changeCount;
    const auto& change = reinterpret_cast<const clap_event_param_value_t&> (event);
    const int index = (int) change.param_id;
    if (! validIndex (index))
        return changeCount;
    const float normalized = toNormalized (index, change.value);
    if (! javaPrepared)
    {
        setValue (index, normalized);   // the engine takes it with the first block
        return changeCount;
    }
    values[index].store (normalized, std::memory_order_relaxed);
    return addChange (index, normalized, changeCount);
}

clap_process_status Plugin::process (const clap_process_t& process) noexcept
{
    const uint32_t frames = process.frames_count;
    const auto* in = process.in_events;
    const uint32_t eventCount = in != nullptr ? in->size (in) : 0;
    uint32_t next = 0;
    int changes = collectMainThreadChanges();

    // Sample-accurate: the block is cut at every event's time, and each piece's changes reach the
    // engine with that piece, through the same change buffer the JUCE formats fill per block.
    for (uint32_t start = 0; start < frames || next < eventCount;)
    {
        while (next < eventCount)
        {
            const auto* event = in->get (in, next);
            if (event != nullptr && event->time > start && start < frames)
                break;
            if (event != nullptr)
                changes = applyEvent (*event, changes);
            ++next;
        }
        if (start >= frames)
            break;
        uint32_t end = frames;
        if (next < eventCount)
            if (const auto* event = in->get (in, next))
                end = std::min (frames, event->time);

        if (javaPrepared && java->isAlive())
            mixThroughJava (process, start, end - start, changes);
        else
            bypassToMainInput (process, start);
        if (javaPrepared)
            clearChangeSlots (changes);
        if (! java->isAlive() && javaPrepared)
        {
            bypassToMainInput (process, start);   // Java failed in this piece: the rest passes through
            if (! failureSignalled.exchange (true) && host->request_callback != nullptr)
                host->request_callback (host);    // the main thread logs why, once
            break;
        }
        changes = 0;
        start = end;
    }
    // Values still in the buffer (events after the last sample) wait for the next block.
    if (javaPrepared)
    {
        for (int i = 0; i < changes; ++i)
            setValue (java->changeIndices()[i], java->changeValues()[i]);
        clearChangeSlots (changes);
    }

    sendEditsToHost (process.out_events);
    return CLAP_PROCESS_CONTINUE;
}

void Plugin::mixThroughJava (const clap_process_t& process, uint32_t start, uint32_t frames, int changeCount) noexcept
{
    // Hosts may send pieces larger than they announced: split them into prepared-size ones.
    for (uint32_t done = 0; done < frames;)
    {
        const uint32_t n = std::min<uint32_t> ((uint32_t) java->maxBlockSize(), frames - done);
        const size_t bytes = sizeof (float) * n;
        for (int port = 0; port < sourcePorts; ++port)
            for (int ch = 0; ch < channelsPerPort; ++ch)
            {
                auto* target = java->inputChannel (port * channelsPerPort + ch);
                if (auto* source = channelOf (process.audio_inputs, process.audio_inputs_count, port, ch, start + done))
                    std::memcpy (target, source, bytes);
                else
                    std::memset (target, 0, bytes);
            }

        if (! java->process ((int) n, changeCount))
            return;   // the caller passes the rest through

        for (int port = 0; port < cuePorts; ++port)
            for (int ch = 0; ch < channelsPerPort; ++ch)
                if (auto* target = channelOf (process.audio_outputs, process.audio_outputs_count, port, ch, start + done))
                    std::memcpy (target, java->outputChannel (port * channelsPerPort + ch), bytes);
        changeCount = 0;
        done += n;
    }
}

void Plugin::bypassToMainInput (const clap_process_t& process, uint32_t start) noexcept
{
    const uint32_t n = process.frames_count - start;
    for (int port = 0; port < cuePorts; ++port)
        for (int ch = 0; ch < channelsPerPort; ++ch)
        {
            auto* out = channelOf (process.audio_outputs, process.audio_outputs_count, port, ch, start);
            if (out == nullptr)
                continue;
            const float* main = port == 0 ? channelOf (process.audio_inputs, process.audio_inputs_count, 0, ch, start) : nullptr;
            for (uint32_t i = 0; i < n; ++i)
            {
                // Sample by sample, so a host that hands the same buffer in and out is fine.
                const float x = main != nullptr && std::isfinite (main[i]) ? main[i] : 0.0f;
                out[i] = std::clamp (x, -contract::fallbackCeiling, contract::fallbackCeiling);
            }
        }
}

void Plugin::sendEditsToHost (const clap_output_events_t* out) noexcept
{
    if (out == nullptr)
        return;
    EditQueue::Edit edit;
    while (edits.pop (edit))
    {
        if (edit.kind == EditQueue::Kind::value)
        {
            clap_event_param_value_t event {};
            event.header = { sizeof (event), 0, CLAP_CORE_EVENT_SPACE_ID, CLAP_EVENT_PARAM_VALUE, 0 };
            event.param_id = (clap_id) edit.index;
            event.note_id = -1;
            event.port_index = -1;
            event.channel = -1;
            event.key = -1;
            event.value = toClap (edit.index, edit.normalized);
            out->try_push (out, &event.header);
        }
        else
        {
            clap_event_param_gesture_t event {};
            const uint16_t type = edit.kind == EditQueue::Kind::begin ? CLAP_EVENT_PARAM_GESTURE_BEGIN : CLAP_EVENT_PARAM_GESTURE_END;
            event.header = { sizeof (event), 0, CLAP_CORE_EVENT_SPACE_ID, type, 0 };
            event.param_id = (clap_id) edit.index;
            out->try_push (out, &event.header);
        }
    }
}

//== The main thread and Java's calls ===============================================================

void Plugin::onMainThread (std::function<void (Plugin&)> call)
{
    // CLAP lets a plugin reach the host's main thread only through request_callback; Java's calls
    // come from any thread, so they wait here, in order, for on_main_thread.
    {
        const std::lock_guard<std::mutex> lock (mainThreadLock);
        mainThreadCalls.push_back (std::move (call));
    }
    if (host->request_callback != nullptr)
        host->request_callback (host);
}

void Plugin::onMainThread()
{
    std::vector<std::function<void (Plugin&)>> calls;
    {
        const std::lock_guard<std::mutex> lock (mainThreadLock);
        calls.swap (mainThreadCalls);
    }
    for (auto& call : calls)
        call (*this);
    if (auto problem = java->takeProcessError(); problem.isNotEmpty())
        logLine ("CLAP: " + problem + " (bypassed until the host activates the plugin again)");
    if (auto lost = edits.takeDropped())
        logLine ("CLAP: " + juce::String (lost) + " edits did not reach the host (queue full)");
}

void Plugin::beginEditFromJava (int index)
{
    if (validIndex (index) && edits.push ({ EditQueue::Kind::begin, index, 0.0f }) && hostParams != nullptr)
        hostParams->request_flush (host);
}

void Plugin::performEditFromJava (int index, float normalized)
{
    if (! validIndex (index))
        return;
    setValue (index, std::clamp (normalized, 0.0f, 1.0f));   // the engine hears it with the next block
    if (edits.push ({ EditQueue::Kind::value, index, values[index].load() }) && hostParams != nullptr)
        hostParams->request_flush (host);
}

void Plugin::endEditFromJava (int index)
{
    if (validIndex (index) && edits.push ({ EditQueue::Kind::end, index, 0.0f }) && hostParams != nullptr)
        hostParams->request_flush (host);
}

float Plugin::valueForJava (int index) const
{
    return validIndex (index) ? values[index].load() : std::numeric_limits<float>::quiet_NaN();
}

void Plugin::setProgramFromJava (int index)
{
    onMainThread ([index] (Plugin& self)
    {
        if (index < 0 || index >= self.programs.size())
            return;
        if (auto problem = self.java->loadProgram (index); problem.isNotEmpty())
        {
            logLine ("CLAP program " + juce::String (index) + " not loaded: " + problem);
            return;
        }
        self.currentProgram = index;
        self.adoptJavaValues();
        if (self.hostState != nullptr)
            self.hostState->mark_dirty (self.host);
        logLine ("CLAP program " + juce::String (index) + " loaded: " + self.programs[index]);
    });
}

void Plugin::stateChangedFromJava()
{
    onMainThread ([] (Plugin& self)
    {
        if (self.hostState != nullptr)
            self.hostState->mark_dirty (self.host);
    });
}

void Plugin::stateLoadedFromJava()
{
    onMainThread ([] (Plugin& self)
    {
        self.currentProgram = self.java->currentProgram();
        self.adoptJavaValues();
        if (self.hostState != nullptr)
            self.hostState->mark_dirty (self.host);
        logLine ("CLAP state loaded by the editor or another surface (a user preset)");
    });
}
} // namespace foldback::clap

