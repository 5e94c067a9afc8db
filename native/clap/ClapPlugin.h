#pragma once

#include "ClapGui.h"
#include "EditQueue.h"
#include "JavaProcessor.h"
#include "ShimInstance.h"

#include <entry.h>
#include <ext/audio-ports.h>
#include <ext/latency.h>
#include <ext/params.h>
#include <ext/state.h>
#include <plugin.h>

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

namespace foldback::clap
{
/** What hosts see of Foldback before they create it (ClapEntry.cpp). */
extern const clap_plugin_descriptor_t descriptor;

/**
 * Foldback as a CLAP plugin: the same Java processor, through the same boundary contract
 * (Boundary.h), as the JUCE formats; nothing of the mixing lives here. Ports and parameters come
 * from the generated contract, so they are the same with or without Java.
 *
 * A parameter's CLAP value is its normalized value for continuous parameters and its step index
 * (0 .. steps-1) for stepped ones (toggles and choices), so hosts show steps as steps. The parameter
 * ID is its index in the table, which never changes once released.
 *
 * Without Java (none found, failed to start, threw) it never crashes the host: the main input
 * passes to cue 1 (made finite and held under the fallback ceiling), the other cues are silent.
 */
class Plugin final : public ShimInstance
{
public:
    explicit Plugin (const clap_host_t* host);
    ~Plugin() override;

    const clap_plugin_t* clapPlugin() const noexcept { return &plugin; }

    //== ShimInstance: calls from Java through JNA =================================================
    void beginEditFromJava (int index) override;
    void performEditFromJava (int index, float normalized) override;
    void endEditFromJava (int index) override;
    float valueForJava (int index) const override;
    void setProgramFromJava (int index) override;
    void stateChangedFromJava() override;
    void stateLoadedFromJava() override;

private:
    static Plugin& self (const clap_plugin_t* p) { return *static_cast<Plugin*> (p->plugin_data); }

    //== clap_plugin ===============================================================================
    bool init();
    bool activate (double sampleRate, uint32_t maxFrames);
    void deactivate();
    clap_process_status process (const clap_process_t& process) noexcept;
    const void* extension (const char* id) const;
    void onMainThread();

    //== The audio path ============================================================================
    int applyEvent (const clap_event_header_t& event, int changeCount) noexcept;
    int addChange (int index, float normalized, int changeCount) noexcept;
    void clearChangeSlots (int changeCount) noexcept;
    int collectMainThreadChanges() noexcept;
    void mixThroughJava (const clap_process_t& process, uint32_t start, uint32_t frames, int changeCount) noexcept;
    void bypassToMainInput (const clap_process_t& process, uint32_t start) noexcept;
    void sendEditsToHost (const clap_output_events_t* out) noexcept;

    //== Parameters, state, audio ports: the extensions ==========================================
    bool paramInfo (uint32_t index, clap_param_info_t& info) const;
    bool valueToText (clap_id id, double value, char* display, uint32_t size);
    bool textToValue (clap_id id, const char* display, double& value);
    void flush (const clap_input_events_t* in, const clap_output_events_t* out);
    bool saveState (const clap_ostream_t& stream);
    bool loadState (const clap_istream_t& stream);
    static bool portInfo (uint32_t index, bool isInput, clap_audio_port_info_t& info);

    void setValue (int index, float normalized) noexcept;
    void adoptJavaValues();
    void onMainThread (std::function<void (Plugin&)> call);
    template <typename Ext> const Ext* hostExtension (const char* id) const;

    static const clap_plugin_params_t paramsExtension;
    static const clap_plugin_state_t stateExtension;
    static const clap_plugin_audio_ports_t audioPortsExtension;
    static const clap_plugin_latency_t latencyExtension;
    static const clap_plugin_gui_t guiExtension;            // ClapGui.cpp
    static const clap_plugin_timer_support_t timerExtension;
    static Gui* guiOf (const clap_plugin_t* p);

    clap_plugin_t plugin;
    const clap_host_t* const host;
    const clap_host_params_t* hostParams = nullptr;
    const clap_host_state_t* hostState = nullptr;

    std::unique_ptr<JavaProcessor> java;
    std::unique_ptr<Gui> gui;   // from init on; closed before Java goes
    // The host's value of every parameter, normalized; changed[i] until the engine has it.
    std::unique_ptr<std::atomic<float>[]> values;
    std::unique_ptr<std::atomic<bool>[]> changed;
    std::atomic<bool> anyChange { true };
    // Where parameter i sits in the change buffer of the piece being built (-1: not there), so a
    // parameter appears once per piece (the last value wins) and the buffer never overflows.
    std::unique_ptr<int[]> changeSlot;
    EditQueue edits;
    bool javaPrepared = false;
    std::atomic<bool> failureSignalled { false };   // the main thread was asked to log a Java failure

    juce::MemoryBlock stateWithoutJava;   // kept verbatim so a session saved without Java loses nothing
    juce::StringArray programs;
    int currentProgram = 0;

    std::mutex mainThreadLock;
    std::vector<std::function<void (Plugin&)>> mainThreadCalls;
};
} // namespace foldback::clap
