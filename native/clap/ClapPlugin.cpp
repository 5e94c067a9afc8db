#include "ClapPlugin.h"

#include "Boundary.h"
#include "JvmLocator.h"
#include "Log.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

namespace foldback::clap
{
namespace
{
constexpr int sourcePorts = contract::buses::maxSources;
constexpr int cuePorts = contract::buses::maxCues;
constexpr int channelsPerPort = contract::buses::channelsPerBus;

bool validIndex (int index) { return index >= 0 && index < contract::paramCount; }

/** Stepped parameters (toggles, choices) show their step index to the host; the rest 0..1. */
int stepsOf (int index) { return contract::params[index].steps; }

double toClap (int index, float normalized)
{
    const int steps = stepsOf (index);
    return steps > 1 ? std::round (normalized * (float) (steps - 1)) : (double) normalized;
}

float toNormalized (int index, double clapValue)
{
    const int steps = stepsOf (index);
    if (steps > 1)
        return (float) std::clamp (std::round (clapValue), 0.0, (double) (steps - 1)) / (float) (steps - 1);
    return (float) std::clamp (clapValue, 0.0, 1.0);
}

void copyName (char* destination, size_t size, const juce::String& text)
{
    // CLAP's fixed buffers hold UTF-8; never cut a character in half.
    juce::String s = text;
    while (strlen (s.toRawUTF8()) >= size)
        s = s.dropLastCharacters (1);
    std::strncpy (destination, s.toRawUTF8(), size - 1);
    destination[size - 1] = 0;
}

/** The channel's samples from sample `start` on, or null when the host gave none. */
float* channelOf (const clap_audio_buffer_t* buffers, uint32_t count, int port, int channel, uint32_t start) noexcept
{
    if (port >= (int) count || buffers[port].data32 == nullptr || channel >= (int) buffers[port].channel_count)
        return nullptr;
    auto* samples = buffers[port].data32[channel];
    return samples == nullptr ? nullptr : samples + start;
}
} // namespace

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
    // First: Java's dispose closes its gate, so no surface calls into this object once it goes.
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
    javaPrepared = java->prepare (sampleRate, (int) std::max<uint32_t> (1, maxFrames), sourcePorts, cuePorts);
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

//== Parameters =====================================================================================

bool Plugin::paramInfo (uint32_t index, clap_param_info_t& info) const
{
    if (! validIndex ((int) index))
        return false;
    const auto& spec = contract::params[index];
    info = {};
    info.id = index;
    info.flags = 0;
    if (spec.automatable)
        info.flags |= CLAP_PARAM_IS_AUTOMATABLE;
    if (spec.steps > 1)
        info.flags |= CLAP_PARAM_IS_STEPPED;
    if (std::strcmp (spec.id, "bypass") == 0)
        info.flags |= CLAP_PARAM_IS_BYPASS;
    info.cookie = nullptr;
    copyName (info.name, sizeof (info.name), juce::String::fromUTF8 (spec.name));
    // The module path groups parameters in hosts that show a tree: "cue3", "talkback", ...
    auto id = juce::String::fromUTF8 (spec.id);
    copyName (info.module, sizeof (info.module), id.containsChar ('.') ? id.upToLastOccurrenceOf (".", false, false).replaceCharacter ('.', '/') : juce::String());
    info.min_value = 0.0;
    info.max_value = spec.steps > 1 ? (double) (spec.steps - 1) : 1.0;
    info.default_value = toClap ((int) index, spec.defaultNormalized);
    return true;
}

bool Plugin::valueToText (clap_id id, double value, char* display, uint32_t size)
{
    if (! validIndex ((int) id) || display == nullptr || size == 0)
        return false;
    auto text = java->formatValue ((int) id, toNormalized ((int) id, value));
    copyName (display, size, text);
    return true;
}

bool Plugin::textToValue (clap_id id, const char* display, double& value)
{
    if (! validIndex ((int) id) || display == nullptr)
        return false;
    const float normalized = java->parseValue ((int) id, juce::String::fromUTF8 (display));
    if (std::isnan (normalized))
        return false;   // text that means nothing for this parameter
    value = toClap ((int) id, normalized);
    return true;
}

void Plugin::flush (const clap_input_events_t* in, const clap_output_events_t* out)
{
    // Not processing: the host's values wait in `changed` for the next block, Java's edits go out now.
    const uint32_t count = in != nullptr ? in->size (in) : 0;
    for (uint32_t i = 0; i < count; ++i)
        if (const auto* event = in->get (in, i);
            event != nullptr && event->space_id == CLAP_CORE_EVENT_SPACE_ID && event->type == CLAP_EVENT_PARAM_VALUE)
        {
            const auto& change = reinterpret_cast<const clap_event_param_value_t&> (*event);
            if (validIndex ((int) change.param_id))
                setValue ((int) change.param_id, toNormalized ((int) change.param_id, change.value));
        }
    sendEditsToHost (out);
}

const clap_plugin_params_t Plugin::paramsExtension {
    [] (const clap_plugin_t*) { return (uint32_t) contract::paramCount; },
    [] (const clap_plugin_t* p, uint32_t index, clap_param_info_t* info) { return info != nullptr && self (p).paramInfo (index, *info); },
    [] (const clap_plugin_t* p, clap_id id, double* value)
    {
        if (! validIndex ((int) id) || value == nullptr)
            return false;
        *value = toClap ((int) id, self (p).values[id].load (std::memory_order_relaxed));
        return true;
    },
    [] (const clap_plugin_t* p, clap_id id, double value, char* display, uint32_t size) { return self (p).valueToText (id, value, display, size); },
    [] (const clap_plugin_t* p, clap_id id, const char* display, double* value) { return value != nullptr && self (p).textToValue (id, display, *value); },
    [] (const clap_plugin_t* p, const clap_input_events_t* in, const clap_output_events_t* out) { self (p).flush (in, out); },
};

//== State ==========================================================================================

bool Plugin::saveState (const clap_ostream_t& stream)
{
    // The same bytes as every other format: Java's versioned JSON, or the blob kept without Java.
    const auto bytes = JavaRuntime::instance().isReady() ? java->getState() : stateWithoutJava;
    const auto* data = static_cast<const char*> (bytes.getData());
    for (size_t written = 0; written < bytes.getSize();)
    {
        const auto n = stream.write (&stream, data + written, bytes.getSize() - written);
        if (n <= 0)
            return false;
        written += (size_t) n;
    }
    return true;
}

bool Plugin::loadState (const clap_istream_t& stream)
{
    constexpr size_t limit = 64 << 20;   // far beyond any real state; a hostile stream ends here
    juce::MemoryBlock bytes;
    char chunk[4096];
    for (;;)
    {
        const auto n = stream.read (&stream, chunk, sizeof (chunk));
        if (n < 0)
            return false;
        if (n == 0)
            break;
        bytes.append (chunk, (size_t) n);
        if (bytes.getSize() > limit)
        {
            logLine ("CLAP state refused: larger than " + juce::String ((int) (limit >> 20)) + " MB");
            return false;
        }
    }
    if (! JavaRuntime::instance().isReady())
    {
        // Keep the host's blob untouched so saving the session again loses nothing.
        stateWithoutJava = bytes;
        logLine ("CLAP state kept verbatim (" + juce::String ((int) bytes.getSize()) + " bytes): Java is not running");
        return true;
    }
    if (auto problem = java->setState (bytes.getData(), (int) bytes.getSize()); problem.isNotEmpty())
    {
        logLine ("CLAP state not loaded, current settings kept: " + problem);
        return false;
    }
    currentProgram = java->currentProgram();
    adoptJavaValues();
    logLine ("CLAP state restored: " + juce::String ((int) bytes.getSize()) + " bytes");
    return true;
}

const clap_plugin_state_t Plugin::stateExtension {
    [] (const clap_plugin_t* p, const clap_ostream_t* stream) { return stream != nullptr && self (p).saveState (*stream); },
    [] (const clap_plugin_t* p, const clap_istream_t* stream) { return stream != nullptr && self (p).loadState (*stream); },
};

void Plugin::adoptJavaValues()
{
    // Java's values changed wholesale (a program or a state): ours follow, and the engine gets the
    // echo (which changes nothing: Java ignores a value it already has, so a restored state
    // renders bit-identical). Main thread; the host re-reads the values.
    auto javaValues = java->normalizedValues();
    for (size_t i = 0; i < javaValues.size() && i < (size_t) contract::paramCount; ++i)
        if (values[i].load() != javaValues[i])
            setValue ((int) i, javaValues[i]);
    if (hostParams != nullptr)
        hostParams->rescan (host, CLAP_PARAM_RESCAN_VALUES);
}

//== Audio ports and latency ========================================================================

bool Plugin::portInfo (uint32_t index, bool isInput, clap_audio_port_info_t& info)
{
    // The layout is Java's (Boundary, generated into Boundary.h): every port stereo.
    const int count = isInput ? sourcePorts : cuePorts;
    if ((int) index >= count)
        return false;
    info = {};
    info.id = index;
    copyName (info.name, sizeof (info.name), isInput ? contract::buses::sourceNames[index] : contract::buses::cueNames[index]);
    info.flags = index == 0 ? CLAP_AUDIO_PORT_IS_MAIN : 0;
    info.channel_count = channelsPerPort;
    info.port_type = CLAP_PORT_STEREO;
    info.in_place_pair = CLAP_INVALID_ID;
    return true;
}

const clap_plugin_audio_ports_t Plugin::audioPortsExtension {
    [] (const clap_plugin_t*, bool isInput) { return (uint32_t) (isInput ? sourcePorts : cuePorts); },
    [] (const clap_plugin_t*, uint32_t index, bool isInput, clap_audio_port_info_t* info) { return info != nullptr && portInfo (index, isInput, *info); },
};

const clap_plugin_latency_t Plugin::latencyExtension {
    [] (const clap_plugin_t*) { return 0u; },   // the limiter looks no sample ahead
};

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
