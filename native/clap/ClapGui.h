#pragma once

#include <ext/gui.h>
#include <ext/thread-check.h>
#include <ext/timer-support.h>
#include <plugin.h>

#include <juce_core/juce_core.h>

#include <functional>
#include <memory>

namespace juce
{
class ScopedJuceInitialiser_GUI;
}

namespace foldback
{
class JavaProcessor;
}

namespace foldback::clap
{
/**
 * Foldback's editor in a CLAP host (clap.gui): the same view the JUCE formats show (GlView, drawn
 * by Java; StatusView without Java or OpenGL), embedded in the host's X11 window.
 *
 * JUCE needs its message loop run on the thread that owns its windows. In a CLAP host that is the
 * host's main thread, where every gui call arrives: the plugin's JUCE takes it as its message
 * thread and a host timer (clap.timer-support) dispatches JUCE's pending messages and X events,
 * as JUCE's own VST2 wrapper does from the host's idle calls. Hosts without timer-support get no
 * gui (is_api_supported says no) rather than a window that never draws.
 *
 * Sizes: X11 embedding speaks physical pixels, the editor its points (contract::editor), so every
 * size crossing the extension is scaled by the host's set_scale.
 */
class Gui
{
public:
    Gui (const clap_host_t& host, JavaProcessor& java, std::function<juce::String()> statusText);
    ~Gui();

    // clap.gui and clap.timer-support, as the host calls them (Plugin's tables forward here).
    bool supports (const char* api, bool floating) const;
    bool create (const char* api, bool floating);
    void destroy();
    bool setScale (double scale);
    bool getSize (uint32_t& width, uint32_t& height) const;
    bool adjustSize (uint32_t& width, uint32_t& height) const;
    bool setSize (uint32_t width, uint32_t height);
    bool setParent (const clap_window_t& window);
    bool show (bool visible);
    void onTimer (clap_id id);

private:
    class Window;

    bool onMainThread() const;

    const clap_host_t& host;
    JavaProcessor& java;
    std::function<juce::String()> statusText;
    const clap_host_timer_support_t* hostTimers = nullptr;
    const clap_host_thread_check_t* hostThreads = nullptr;

    std::unique_ptr<juce::ScopedJuceInitialiser_GUI> juceGui;   // from the first create on
    std::unique_ptr<Window> window;
    clap_id pumpTimer = CLAP_INVALID_ID;
    double scale = 1.0;
};
} // namespace foldback::clap
