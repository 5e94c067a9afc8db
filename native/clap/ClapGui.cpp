// clap.gui and clap.timer-support: the editor embedded in a CLAP host's X11 window (ClapGui.h).

#include "ClapGui.h"

#include "ClapPlugin.h"
#include "GlView.h"
#include "Log.h"
#include "StatusView.h"

#include <juce_gui_basics/juce_gui_basics.h>

#include <algorithm>
#include <cmath>
#include <cstring>

namespace juce
{
// JUCE's Linux message loop, one round without waiting (juce_linux_Messaging.cpp): what its own
// plugin wrappers call when the host drives the loop. Not in a public header.
bool dispatchNextMessageOnSystemQueue (bool returnIfNoPendingMessages);
} // namespace juce

namespace foldback::clap
{
namespace
{
namespace codes = contract::editor;

// 60 Hz, the rate the view asks Java to draw at; CLAP hosts must allow 30 Hz and may slow it.
constexpr uint32_t pumpPeriodMs = 16;
// One timer tick dispatches at most this many rounds, so a flood of messages cannot hold the
// host's main thread; what is left waits for the next tick.
constexpr int roundsPerTick = 64;
// The plain view needs no more room than its text.
constexpr int statusMinWidth = 320, statusMinHeight = 100;
} // namespace

/** The component the host's window holds: the view, scaled from the editor's points to pixels. */
class Gui::Window final : public juce::Component
{
public:
    Window (JavaProcessor& java, std::function<juce::String()> statusText)
    {
        juce::String whyNot;
        if (auto gl = GlView::create (&java, whyNot, statusText))
        {
            content = std::move (gl);
            minimum = { codes::MIN_WIDTH, codes::MIN_HEIGHT };
            javaDraws = true;
        }
        else
        {
            content = std::make_unique<StatusView> (std::move (statusText), whyNot);
            minimum = { statusMinWidth, statusMinHeight };
        }
        points = { content->getWidth(), content->getHeight() };
        setOpaque (true);
        addAndMakeVisible (*content);
        layOut();
    }

    bool drawnByJava() const noexcept { return javaDraws; }

    juce::Point<int> pixels() const
    {
        return { juce::roundToInt (points.x * scale), juce::roundToInt (points.y * scale) };
    }

    /** The size in points closest to `pixels` that the view allows. */
    juce::Point<int> fit (uint32_t width, uint32_t height) const
    {
        return { std::clamp (juce::roundToInt (width / scale), minimum.x, (int) codes::MAX_WIDTH),
                 std::clamp (juce::roundToInt (height / scale), minimum.y, (int) codes::MAX_HEIGHT) };
    }

    void setScale (double s) { scale = s; layOut(); }
    void setPoints (juce::Point<int> p) { points = p; layOut(); }

private:
    void layOut()
    {
        // The view keeps its size in points; the transform makes it the host's pixels (GlView
        // works out the scale Java draws with from its viewport, as under a VST3 host's scale).
        content->setTransform (juce::AffineTransform::scale ((float) scale));
        content->setBounds (0, 0, points.x, points.y);
        setSize (pixels().x, pixels().y);
    }

    std::unique_ptr<juce::Component> content;
    juce::Point<int> minimum, points;
    double scale = 1.0;
    bool javaDraws = false;
};

Gui::Gui (const clap_host_t& h, JavaProcessor& j, std::function<juce::String()> status)
    : host (h), java (j), statusText (std::move (status))
{
    if (host.get_extension != nullptr)
    {
        hostTimers = static_cast<const clap_host_timer_support_t*> (host.get_extension (&host, CLAP_EXT_TIMER_SUPPORT));
        hostThreads = static_cast<const clap_host_thread_check_t*> (host.get_extension (&host, CLAP_EXT_THREAD_CHECK));
    }
}

Gui::~Gui()
{
    destroy();
    juceGui.reset();   // the last one shuts JUCE's windowing down (main thread: plugin.destroy)
}

bool Gui::onMainThread() const
{
    return hostThreads == nullptr || hostThreads->is_main_thread == nullptr || hostThreads->is_main_thread (&host);
}

bool Gui::supports (const char* api, bool floating) const
{
    return api != nullptr && std::strcmp (api, CLAP_WINDOW_API_X11) == 0 && ! floating
        && hostTimers != nullptr && hostTimers->register_timer != nullptr && hostTimers->unregister_timer != nullptr;
}

bool Gui::create (const char* api, bool floating)
{
    if (! supports (api, floating))
    {
        logLine ("CLAP gui refused: Foldback embeds in X11 windows and needs the host's timer-support");
        return false;
    }
    if (window != nullptr || ! onMainThread())
    {
        logLine ("CLAP gui refused: already open, or called off the host's main thread");
        return false;
    }
    if (juceGui == nullptr)
        juceGui = std::make_unique<juce::ScopedJuceInitialiser_GUI>();
    juce::MessageManager::getInstance()->setCurrentThreadAsMessageThread();
    if (! hostTimers->register_timer (&host, pumpPeriodMs, &pumpTimer))
    {
        pumpTimer = CLAP_INVALID_ID;
        logLine ("CLAP gui refused: the host registered no timer");
        return false;
    }
    window = std::make_unique<Window> (java, statusText);
    window->setScale (scale);
    logLine (juce::String ("CLAP gui created: ") + (window->drawnByJava() ? "the editor" : "the plain status view"));
    return true;
}

void Gui::destroy()
{
    if (window == nullptr)
        return;
    window.reset();   // the view detaches its GL context and closes Java's editor
    if (pumpTimer != CLAP_INVALID_ID)
        hostTimers->unregister_timer (&host, pumpTimer);
    pumpTimer = CLAP_INVALID_ID;
    logLine ("CLAP gui destroyed");
}

bool Gui::setScale (double s)
{
    if (! std::isfinite (s) || s <= 0.0)
        return false;
    scale = std::clamp (s, 0.25, 4.0);
    if (window != nullptr)
        window->setScale (scale);
    return true;
}

bool Gui::getSize (uint32_t& width, uint32_t& height) const
{
    if (window == nullptr)
        return false;
    const auto size = window->pixels();
    width = (uint32_t) size.x;
    height = (uint32_t) size.y;
    return true;
}

bool Gui::adjustSize (uint32_t& width, uint32_t& height) const
{
    if (window == nullptr)
        return false;
    const auto points = window->fit (width, height);
    width = (uint32_t) juce::roundToInt (points.x * scale);
    height = (uint32_t) juce::roundToInt (points.y * scale);
    return true;
}

bool Gui::setSize (uint32_t width, uint32_t height)
{
    if (window == nullptr)
        return false;
    window->setPoints (window->fit (width, height));
    return true;
}

bool Gui::setParent (const clap_window_t& parent)
{
    if (window == nullptr || parent.api == nullptr || std::strcmp (parent.api, CLAP_WINDOW_API_X11) != 0 || parent.x11 == 0)
        return false;
    window->setTopLeftPosition (0, 0);
    window->addToDesktop (0, (void*) (uintptr_t) parent.x11);
    return window->getPeer() != nullptr;
}

bool Gui::show (bool visible)
{
    if (window == nullptr)
        return false;
    window->setVisible (visible);
    return true;
}

void Gui::onTimer (clap_id id)
{
    if (id != pumpTimer || pumpTimer == CLAP_INVALID_ID)
        return;
    for (int round = 0; round < roundsPerTick && juce::dispatchNextMessageOnSystemQueue (true); ++round)
    {
    }
}

//== The tables the host calls ======================================================================

Gui* Plugin::guiOf (const clap_plugin_t* p)
{
    return self (p).gui.get();   // null before init
}

const clap_plugin_gui_t Plugin::guiExtension {
    [] (const clap_plugin_t* p, const char* api, bool floating) { return guiOf (p) != nullptr && guiOf (p)->supports (api, floating); },
    [] (const clap_plugin_t*, const char** api, bool* floating)
    {
        if (api == nullptr || floating == nullptr)
            return false;
        *api = CLAP_WINDOW_API_X11;
        *floating = false;
        return true;
    },
    [] (const clap_plugin_t* p, const char* api, bool floating) { return guiOf (p) != nullptr && guiOf (p)->create (api, floating); },
    [] (const clap_plugin_t* p) { if (auto* gui = guiOf (p)) gui->destroy(); },
    [] (const clap_plugin_t* p, double scale) { return guiOf (p) != nullptr && guiOf (p)->setScale (scale); },
    [] (const clap_plugin_t* p, uint32_t* width, uint32_t* height)
    {
        return width != nullptr && height != nullptr && guiOf (p) != nullptr && guiOf (p)->getSize (*width, *height);
    },
    [] (const clap_plugin_t*) { return true; },
    [] (const clap_plugin_t*, clap_gui_resize_hints_t* hints)
    {
        if (hints == nullptr)
            return false;
        *hints = { true, true, false, 0, 0 };   // any size within the limits adjust_size applies
        return true;
    },
    [] (const clap_plugin_t* p, uint32_t* width, uint32_t* height)
    {
        return width != nullptr && height != nullptr && guiOf (p) != nullptr && guiOf (p)->adjustSize (*width, *height);
    },
    [] (const clap_plugin_t* p, uint32_t width, uint32_t height) { return guiOf (p) != nullptr && guiOf (p)->setSize (width, height); },
    [] (const clap_plugin_t* p, const clap_window_t* window) { return window != nullptr && guiOf (p) != nullptr && guiOf (p)->setParent (*window); },
    [] (const clap_plugin_t*, const clap_window_t*) { return false; },   // floating windows: not offered
    [] (const clap_plugin_t*, const char*) {},
    [] (const clap_plugin_t* p) { return guiOf (p) != nullptr && guiOf (p)->show (true); },
    [] (const clap_plugin_t* p) { return guiOf (p) != nullptr && guiOf (p)->show (false); },
};

const clap_plugin_timer_support_t Plugin::timerExtension {
    [] (const clap_plugin_t* p, clap_id id) { if (auto* gui = guiOf (p)) gui->onTimer (id); },
};
} // namespace foldback::clap
