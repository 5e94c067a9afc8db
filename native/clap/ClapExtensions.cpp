// The CLAP extensions Foldback offers besides process: params, state, audio ports and latency.

#include "ClapPlugin.h"

#include "ClapValues.h"
#include "Log.h"

namespace foldback::clap
{
using namespace table;

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

} // namespace foldback::clap
