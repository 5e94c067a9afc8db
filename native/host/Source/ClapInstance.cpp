#include "ClapInstance.h"

#include "HostError.h"

#include <juce_gui_extra/juce_gui_extra.h>

#include <entry.h>
#include <ext/audio-ports.h>
#include <ext/gui.h>
#include <ext/latency.h>
#include <ext/params.h>
#include <ext/state.h>
#include <ext/thread-check.h>
#include <ext/timer-support.h>
#include <plugin-factory.h>

#include <dlfcn.h>

#include <atomic>
#include <cstring>
#include <iostream>
#include <map>
#include <mutex>
#include <vector>

using namespace juce;

namespace ClapHosting
{
/** The loaded .clap: its entry is initialised once and deinitialised when the last user goes. */
class Module
{
public:
    explicit Module (const File& f) : file (f)
    {
        handle = dlopen (file.getFullPathName().toRawUTF8(), RTLD_NOW | RTLD_LOCAL);
        if (handle == nullptr)
            failPlugin ("cannot load " + file.getFullPathName() + ": " + String (dlerror()));
        entry = static_cast<const clap_plugin_entry_t*> (dlsym (handle, "clap_entry"));
        if (entry == nullptr)
            failPlugin (file.getFullPathName() + " has no clap_entry");
        if (! clap_version_is_compatible (entry->clap_version))
            failPlugin (file.getFullPathName() + " is built for CLAP " + String (entry->clap_version.major) + "."
                        + String (entry->clap_version.minor) + ", which this host does not speak");
        if (! entry->init (file.getFullPathName().toRawUTF8()))
            failPlugin (file.getFullPathName() + ": clap_entry.init failed");
        initialised = true;
        factory = static_cast<const clap_plugin_factory_t*> (entry->get_factory (CLAP_PLUGIN_FACTORY_ID));
        if (factory == nullptr || factory->get_plugin_count (factory) == 0)
            failPlugin (file.getFullPathName() + " offers no plugin");
        descriptor = factory->get_plugin_descriptor (factory, 0);
        if (descriptor == nullptr || descriptor->id == nullptr || descriptor->name == nullptr)
            failPlugin (file.getFullPathName() + " describes its plugin without an id or a name");
    }

    ~Module()
    {
        if (initialised)
            entry->deinit();
        // The plugin's JVM cannot be unloaded: keep the library mapped for the process's life, as
        // hosts do with plugins they loaded once.
    }

    const File file;
    void* handle = nullptr;
    const clap_plugin_entry_t* entry = nullptr;
    const clap_plugin_factory_t* factory = nullptr;
    const clap_plugin_descriptor_t* descriptor = nullptr;
    bool initialised = false;
};

namespace
{
class Instance;

/** One CLAP parameter as JUCE sees it: normalized 0..1 over the parameter's [min, max]. */
class ClapParameter final : public AudioPluginInstance::HostedParameter
{
public:
    ClapParameter (Instance& owner, const clap_param_info_t& info);

    float getValue() const override { return value.load(); }
    void setValue (float newValue) override;
    float getDefaultValue() const override { return toNormalized (info.default_value); }
    String getName (int maximumLength) const override { return String::fromUTF8 (info.name).substring (0, maximumLength); }
    String getLabel() const override { return {}; }
    String getText (float normalized, int maximumLength) const override;
    float getValueForText (const String& text) const override;
    int getNumSteps() const override { return stepped() ? (int) (info.max_value - info.min_value) + 1 : AudioProcessor::getDefaultNumParameterSteps(); }
    bool isDiscrete() const override { return stepped(); }
    bool isAutomatable() const override { return (info.flags & CLAP_PARAM_IS_AUTOMATABLE) != 0; }
    String getParameterID() const override { return String (info.id); }

    bool stepped() const { return (info.flags & CLAP_PARAM_IS_STEPPED) != 0; }
    double toClap (float normalized) const
    {
        const double v = info.min_value + (double) normalized * (info.max_value - info.min_value);
        return stepped() ? std::round (v) : v;
    }
    float toNormalized (double clapValue) const
    {
        const double range = info.max_value - info.min_value;
        return range > 0 ? (float) jlimit (0.0, 1.0, (clapValue - info.min_value) / range) : 0.0f;
    }
    /** A value the plugin reported (get_value or its own event): stored without sending it back. */
    void takeFromPlugin (double clapValue) { value.store (toNormalized (clapValue)); }

    Instance& owner;
    const clap_param_info_t info;

private:
    std::atomic<float> value { 0.0f };
};

/** One input event list for a block: parameter changes sorted by frame. */
struct EventList
{
    std::vector<clap_event_param_value_t> events;
    clap_input_events_t list { this,
        [] (const clap_input_events_t* l) { return (uint32_t) static_cast<EventList*> (l->ctx)->events.size(); },
        [] (const clap_input_events_t* l, uint32_t i) -> const clap_event_header_t*
        {
            auto& e = static_cast<EventList*> (l->ctx)->events;
            return i < e.size() ? &e[i].header : nullptr;
        } };
};

class Instance final : public AudioPluginInstance
{
public:
    /** The host side of one plugin: created first, since the ports (and so JUCE's buses) are
        known only once the plugin exists. */
    static std::unique_ptr<clap_host_t> newHost()
    {
        return std::make_unique<clap_host_t> (clap_host_t { CLAP_VERSION_INIT, nullptr, "foldback-host", "Foldback",
            "http://foldback.dev", "0.1.0", &Instance::hostExtension,
            [] (const clap_host_t*) {},   // request_restart: an offline host restarts nothing
            [] (const clap_host_t*) {},   // request_process: we always process
            [] (const clap_host_t* h)
            {
                if (auto* self = static_cast<Instance*> (h->host_data))
                    self->onMainThread ([] (Instance& i) { i.plugin->on_main_thread (i.plugin); });
            } });
    }

    static BusesProperties busesOf (const clap_plugin_t* plugin)
    {
        BusesProperties buses;
        const auto* ports = static_cast<const clap_plugin_audio_ports_t*> (plugin->get_extension (plugin, CLAP_EXT_AUDIO_PORTS));
        if (ports == nullptr)
            return buses;
        for (bool isInput : { true, false })
            for (uint32_t i = 0; i < ports->count (plugin, isInput); ++i)
            {
                clap_audio_port_info_t info {};
                if (! ports->get (plugin, i, isInput, &info))
                    failPlugin ("audio port " + String (i) + " has no info");
                if (info.channel_count != 2)
                    failPlugin ("audio port " + String::fromUTF8 (info.name) + " has " + String (info.channel_count)
                                + " channels; this host handles stereo ports only");
                buses = isInput ? buses.withInput (String::fromUTF8 (info.name), AudioChannelSet::stereo(), true)
                                : buses.withOutput (String::fromUTF8 (info.name), AudioChannelSet::stereo(), true);
            }
        return buses;
    }

    Instance (std::shared_ptr<Module> m, std::unique_ptr<clap_host_t> h, const clap_plugin_t* p, BusesProperties buses)
        : AudioPluginInstance (buses), module (std::move (m)), host (std::move (h)), plugin (p)
    {
        host->host_data = this;
        params = static_cast<const clap_plugin_params_t*> (plugin->get_extension (plugin, CLAP_EXT_PARAMS));
        state = static_cast<const clap_plugin_state_t*> (plugin->get_extension (plugin, CLAP_EXT_STATE));
        latency = static_cast<const clap_plugin_latency_t*> (plugin->get_extension (plugin, CLAP_EXT_LATENCY));
        gui = static_cast<const clap_plugin_gui_t*> (plugin->get_extension (plugin, CLAP_EXT_GUI));
        timers = static_cast<const clap_plugin_timer_support_t*> (plugin->get_extension (plugin, CLAP_EXT_TIMER_SUPPORT));
        const uint32_t count = params != nullptr ? params->count (plugin) : 0;
        for (uint32_t i = 0; i < count; ++i)
        {
            clap_param_info_t info {};
            if (! params->get_info (plugin, i, &info))
                failPlugin ("parameter " + String (i) + " has no info");
            auto p = std::make_unique<ClapParameter> (*this, info);
            byId[info.id] = p.get();
            ordered.push_back (p.get());
            addHostedParameter (std::move (p));
        }
        readValues();
    }

    ~Instance() override
    {
        *alive = nullptr;
        pluginTimers.clear();
        if (plugin != nullptr)
        {
            releaseResources();
            plugin->destroy (plugin);
        }
    }

    //== AudioPluginInstance ===================================================================
    void fillInPluginDescription (PluginDescription& d) const override { d = describe (*module); }
    const String getName() const override { return String::fromUTF8 (module->descriptor->name); }
    double getTailLengthSeconds() const override { return 0.0; }
    bool acceptsMidi() const override { return false; }
    bool producesMidi() const override { return false; }
    AudioProcessorEditor* createEditor() override;   // below: the plugin's clap.gui in an X11 window
    bool hasEditor() const override
    {
        return gui != nullptr && gui->is_api_supported (plugin, CLAP_WINDOW_API_X11, false);
    }
    // CLAP 1.1.1 has no program list: the plugin's factory presets are not the host's programs.
    int getNumPrograms() override { return 1; }
    int getCurrentProgram() override { return 0; }
    void setCurrentProgram (int) override {}
    const String getProgramName (int) override { return {}; }
    void changeProgramName (int, const String&) override {}

    bool isBusesLayoutSupported (const BusesLayout& layout) const override
    {
        // Every port is stereo; a disabled one gets silence in and a scratch buffer out.
        for (auto* sets : { &layout.inputBuses, &layout.outputBuses })
            for (auto& set : *sets)
                if (! set.isDisabled() && set != AudioChannelSet::stereo())
                    return false;
        return true;
    }

    void prepareToPlay (double sampleRate, int maxBlock) override
    {
        releaseResources();
        const auto frames = (uint32_t) jmax (1, maxBlock);
        const int inPorts = getBusCount (true), outPorts = getBusCount (false);
        inputStorage.setSize (2 * inPorts, (int) frames);
        scratch.setSize (2 * outPorts, (int) frames);
        inputPointers.assign ((size_t) (2 * inPorts), nullptr);
        outputPointers.assign ((size_t) (2 * outPorts), nullptr);
        inputs.assign ((size_t) inPorts, clap_audio_buffer_t {});
        outputs.assign ((size_t) outPorts, clap_audio_buffer_t {});
        blockEvents.events.reserve (4096);
        if (! plugin->activate (plugin, sampleRate, 1, frames))
            failPlugin (getName() + ": activate failed");
        active = true;
        processing = plugin->start_processing (plugin);
        setLatencySamples (latency != nullptr ? (int) latency->get (plugin) : 0);
    }

    void releaseResources() override
    {
        if (! active)
            return;
        if (processing)
            plugin->stop_processing (plugin);
        plugin->deactivate (plugin);
        active = processing = false;
    }

    void processBlock (AudioBuffer<float>& buffer, MidiBuffer&) override
    {
        const int n = buffer.getNumSamples();
        if (! active || n == 0)
            return;
        jassert (n <= inputStorage.getNumSamples());
        // Inputs are copied out of JUCE's shared buffer: a CLAP host hands separate buffers.
        for (int port = 0; port < getBusCount (true); ++port)
            for (int ch = 0; ch < 2; ++ch)
            {
                auto* copy = inputStorage.getWritePointer (2 * port + ch);
                const bool on = getBus (true, port)->isEnabled();
                if (on)
                    std::memcpy (copy, buffer.getReadPointer (getChannelIndexInProcessBlockBuffer (true, port, ch)), sizeof (float) * (size_t) n);
                else
                    std::memset (copy, 0, sizeof (float) * (size_t) n);
                inputPointers[(size_t) (2 * port + ch)] = copy;
            }
        for (int port = 0; port < getBusCount (false); ++port)
            for (int ch = 0; ch < 2; ++ch)
                outputPointers[(size_t) (2 * port + ch)] = getBus (false, port)->isEnabled()
                    ? buffer.getWritePointer (getChannelIndexInProcessBlockBuffer (false, port, ch))
                    : scratch.getWritePointer (2 * port + ch);
        for (size_t port = 0; port < inputs.size(); ++port)
            inputs[port] = { &inputPointers[2 * port], nullptr, 2, 0, 0 };
        for (size_t port = 0; port < outputs.size(); ++port)
            outputs[port] = { &outputPointers[2 * port], nullptr, 2, 0, 0 };

        takePending (n);
        clap_process_t process {};
        process.steady_time = steadyTime;
        process.frames_count = (uint32_t) n;
        process.audio_inputs = inputs.data();
        process.audio_outputs = outputs.data();
        process.audio_inputs_count = (uint32_t) inputs.size();
        process.audio_outputs_count = (uint32_t) outputs.size();
        process.in_events = &blockEvents.list;
        process.out_events = &pluginEvents;
        if (plugin->process (plugin, &process) == CLAP_PROCESS_ERROR)
            buffer.clear();
        steadyTime += n;
    }

    AudioProcessorParameter* getBypassParameter() const override
    {
        for (auto* p : ordered)
            if ((p->info.flags & CLAP_PARAM_IS_BYPASS) != 0)
                return p;
        return nullptr;
    }

    void getStateInformation (MemoryBlock& destination) override
    {
        destination.reset();
        if (state == nullptr)
            return;
        // Changes not processed yet must be in the state: hand them over with params.flush first
        // (this host never runs it concurrently with process).
        flushPending();
        MemoryOutputStream out (destination, false);
        clap_ostream_t stream { &out, [] (const clap_ostream_t* s, const void* data, uint64_t size) -> int64_t
        {
            return static_cast<MemoryOutputStream*> (s->ctx)->write (data, (size_t) size) ? (int64_t) size : -1;
        } };
        if (! state->save (plugin, &stream))
            failPlugin (getName() + ": state.save failed");
    }

    void setStateInformation (const void* data, int size) override
    {
        if (state == nullptr)
            return;
        MemoryInputStream in (data, (size_t) jmax (0, size), false);
        clap_istream_t stream { &in, [] (const clap_istream_t* s, void* buffer, uint64_t bytes) -> int64_t
        {
            return static_cast<MemoryInputStream*> (s->ctx)->read (buffer, (int) jmin<uint64_t> (bytes, 1 << 20));
        } };
        if (! state->load (plugin, &stream))
            std::cerr << "warning: " << getName() << " refused the state (" << size << " bytes)" << std::endl;
        readValues();
    }

    //== What the wrapper adds ================================================================
    void schedule (ClapParameter& p, float normalized, int frame)
    {
        const std::lock_guard<std::mutex> lock (pendingLock);
        clap_event_param_value_t e {};
        e.header = { sizeof (e), (uint32_t) jmax (0, frame), CLAP_CORE_EVENT_SPACE_ID, CLAP_EVENT_PARAM_VALUE, 0 };
        e.param_id = p.info.id;
        e.cookie = p.info.cookie;
        e.note_id = -1;
        e.port_index = e.channel = e.key = -1;
        e.value = p.toClap (normalized);
        pending.push_back (e);
    }

    /** The plugin's values, as after a state load or a rescan. */
    void readValues()
    {
        for (auto* p : ordered)
        {
            double v = 0;
            if (params->get_value (plugin, p->info.id, &v))
                p->takeFromPlugin (v);
        }
    }

    std::shared_ptr<Module> module;
    std::unique_ptr<clap_host_t> host;
    const clap_plugin_t* plugin = nullptr;
    const clap_plugin_params_t* params = nullptr;
    const clap_plugin_gui_t* gui = nullptr;
    std::atomic<int> gestures { 0 };

private:
    void flushPending()
    {
        {
            const std::lock_guard<std::mutex> lock (pendingLock);
            if (pending.empty())
                return;
            blockEvents.events.clear();
            for (auto e : pending)
            {
                e.header.time = 0;
                blockEvents.events.push_back (e);
            }
            pending.clear();
        }
        params->flush (plugin, &blockEvents.list, &pluginEvents);
    }

    void takePending (int frames)
    {
        const std::lock_guard<std::mutex> lock (pendingLock);
        blockEvents.events.clear();
        // Changes for frames beyond this block stay for the next one, shifted.
        std::vector<clap_event_param_value_t> later;
        for (auto e : pending)
        {
            if ((int) e.header.time < frames)
                blockEvents.events.push_back (e);
            else
            {
                e.header.time -= (uint32_t) frames;
                later.push_back (e);
            }
        }
        pending.swap (later);
        std::stable_sort (blockEvents.events.begin(), blockEvents.events.end(),
                          [] (const auto& a, const auto& b) { return a.header.time < b.header.time; });
    }

    /** An event from the plugin: its own edits (editor, remotes) reach our parameters here. */
    bool receive (const clap_event_header_t& e)
    {
        if (e.space_id != CLAP_CORE_EVENT_SPACE_ID)
            return true;
        auto find = [this] (clap_id id) { auto it = byId.find (id); return it == byId.end() ? nullptr : it->second; };
        if (e.type == CLAP_EVENT_PARAM_VALUE)
        {
            const auto& v = reinterpret_cast<const clap_event_param_value_t&> (e);
            if (auto* p = find (v.param_id))
            {
                p->takeFromPlugin (v.value);
                p->sendValueChangedMessageToListeners (p->getValue());
            }
        }
        else if (e.type == CLAP_EVENT_PARAM_GESTURE_BEGIN || e.type == CLAP_EVENT_PARAM_GESTURE_END)
        {
            gestures.fetch_add (1);
            const auto& g = reinterpret_cast<const clap_event_param_gesture_t&> (e);
            if (auto* p = find (g.param_id))
                e.type == CLAP_EVENT_PARAM_GESTURE_BEGIN ? p->beginChangeGesture() : p->endChangeGesture();
        }
        return true;
    }

    void onMainThread (std::function<void (Instance&)> call)
    {
        MessageManager::callAsync ([alive = alive, call = std::move (call)]
        {
            if (auto* self = *alive)
                call (*self);
        });
    }

    static Instance* from (const clap_host_t* h) { return static_cast<Instance*> (h->host_data); }

    static const void* hostExtension (const clap_host_t*, const char* id)
    {
        static const clap_host_params_t hostParams {
            [] (const clap_host_t* h, clap_param_rescan_flags) { if (auto* self = from (h)) self->readValues(); },
            [] (const clap_host_t*, clap_id, clap_param_clear_flags) {},
            [] (const clap_host_t* h)
            {
                // Outside process the host flushes: the plugin's queued edits come out here.
                if (auto* self = from (h))
                    self->onMainThread ([] (Instance& i)
                    {
                        if (! i.processing)
                            i.params->flush (i.plugin, &i.noEvents.list, &i.pluginEvents);
                    });
            },
        };
        static const clap_host_state_t hostState {
            [] (const clap_host_t* h)
            {
                if (auto* self = from (h))
                    self->updateHostDisplay (ChangeDetails().withNonParameterStateChanged (true));
            },
        };
        static const clap_host_latency_t hostLatency {
            [] (const clap_host_t*) {},
        };
        // The plugin's gui: it may ask for a size; showing and hiding stay the host's.
        static const clap_host_gui_t hostGui {
            [] (const clap_host_t*) {},
            [] (const clap_host_t* h, uint32_t width, uint32_t height)
            {
                if (auto* self = from (h))
                    self->onMainThread ([width, height] (Instance& i)
                    {
                        if (auto* editor = i.getActiveEditor())
                            editor->setSize ((int) width, (int) height);
                    });
                return true;
            },
            [] (const clap_host_t*) { return false; },
            [] (const clap_host_t*) { return false; },
            [] (const clap_host_t*, bool) {},
        };
        // Timers run on JUCE's message thread, the host's main thread, as CLAP wants.
        static const clap_host_timer_support_t hostTimers {
            [] (const clap_host_t* h, uint32_t periodMs, clap_id* timerId)
            {
                auto* self = from (h);
                return self != nullptr && timerId != nullptr && self->registerTimer (periodMs, *timerId);
            },
            [] (const clap_host_t* h, clap_id timerId)
            {
                auto* self = from (h);
                return self != nullptr && self->pluginTimers.erase (timerId) > 0;
            },
        };
        static const clap_host_thread_check_t threadCheck {
            [] (const clap_host_t*) { return MessageManager::existsAndIsCurrentThread(); },
            [] (const clap_host_t*) { return ! MessageManager::existsAndIsCurrentThread(); },
        };
        if (std::strcmp (id, CLAP_EXT_PARAMS) == 0)
            return &hostParams;
        if (std::strcmp (id, CLAP_EXT_STATE) == 0)
            return &hostState;
        if (std::strcmp (id, CLAP_EXT_LATENCY) == 0)
            return &hostLatency;
        if (std::strcmp (id, CLAP_EXT_GUI) == 0)
            return &hostGui;
        if (std::strcmp (id, CLAP_EXT_TIMER_SUPPORT) == 0)
            return &hostTimers;
        if (std::strcmp (id, CLAP_EXT_THREAD_CHECK) == 0)
            return &threadCheck;
        return nullptr;
    }

    /** A timer the plugin registered (clap.timer-support), on JUCE's message thread. */
    struct PluginTimer final : public Timer
    {
        PluginTimer (Instance& o, clap_id i) : owner (o), id (i) {}
        void timerCallback() override
        {
            if (owner.timers != nullptr)
                owner.timers->on_timer (owner.plugin, id);
        }
        Instance& owner;
        const clap_id id;
    };

    bool registerTimer (uint32_t periodMs, clap_id& id)
    {
        if (timers == nullptr || ! MessageManager::existsAndIsCurrentThread())
            return false;
        id = nextTimer++;
        auto timer = std::make_unique<PluginTimer> (*this, id);
        timer->startTimer ((int) jlimit<uint32_t> (1, 1000, periodMs));
        pluginTimers[id] = std::move (timer);
        return true;
    }

    const clap_plugin_state_t* state = nullptr;
    const clap_plugin_latency_t* latency = nullptr;
    const clap_plugin_timer_support_t* timers = nullptr;
    std::map<clap_id, std::unique_ptr<PluginTimer>> pluginTimers;
    clap_id nextTimer = 1;
    std::map<clap_id, ClapParameter*> byId;
    std::vector<ClapParameter*> ordered;
    bool active = false, processing = false;
    int64_t steadyTime = 0;

    AudioBuffer<float> inputStorage, scratch;
    std::vector<float*> inputPointers, outputPointers;
    std::vector<clap_audio_buffer_t> inputs, outputs;
    EventList blockEvents, noEvents;
    clap_output_events_t pluginEvents { this, [] (const clap_output_events_t* l, const clap_event_header_t* e)
    {
        return e != nullptr && static_cast<Instance*> (l->ctx)->receive (*e);
    } };
    std::mutex pendingLock;
    std::vector<clap_event_param_value_t> pending;
    std::shared_ptr<Instance*> alive { std::make_shared<Instance*> (this) };
};

/**
 * The host's side of the plugin's clap.gui: an X11 window (JUCE's XEmbedComponent) the plugin's
 * window goes into, created, sized, parented and shown in the order gui.h gives, hidden and
 * destroyed with the editor. Sizes are X11's physical pixels.
 */
class ClapEditor final : public AudioProcessorEditor,
                         private ComponentMovementWatcher
{
public:
    /** The editor, or null when the plugin's gui refuses to be created. */
    static std::unique_ptr<ClapEditor> create (Instance& instance)
    {
        if (! instance.hasEditor() || ! instance.gui->create (instance.plugin, CLAP_WINDOW_API_X11, false))
            return nullptr;
        return std::unique_ptr<ClapEditor> (new ClapEditor (instance));
    }

    ~ClapEditor() override
    {
        embed.removeClient();
        if (shown)
            gui->hide (plugin);
        gui->destroy (plugin);
        processor.editorBeingDeleted (this);
    }

    /** What a host does on a HiDPI screen: the plugin scales itself and says its new size. */
    void setScaleFactor (float scale) override
    {
        gui->set_scale (plugin, (double) scale);
        takePluginSize();
    }

    void resized() override
    {
        embed.setBounds (getLocalBounds());
        if (adopting)
            return;
        // The host (or the user) resized the window: the plugin picks the closest size it can take.
        uint32_t width = (uint32_t) getWidth(), height = (uint32_t) getHeight();
        if (gui->can_resize (plugin) && gui->adjust_size (plugin, &width, &height))
            gui->set_size (plugin, width, height);
        takePluginSize();
    }

private:
    explicit ClapEditor (Instance& instance)
        : AudioProcessorEditor (instance), ComponentMovementWatcher (this),
          plugin (instance.plugin), gui (instance.gui)
    {
        setOpaque (true);
        addAndMakeVisible (embed);
        gui->set_scale (plugin, 1.0);
        takePluginSize();
    }

    void takePluginSize()
    {
        uint32_t width = 0, height = 0;
        if (! gui->get_size (plugin, &width, &height) || width == 0 || height == 0)
            return;
        const ScopedValueSetter<bool> guard (adopting, true);
        setSize ((int) width, (int) height);
        embed.setBounds (getLocalBounds());
        embed.updateEmbeddedBounds();
    }

    void attach()
    {
        if (parented || ! isShowing())
            return;
        clap_window_t window {};
        window.api = CLAP_WINDOW_API_X11;
        window.x11 = (clap_xwnd) embed.getHostWindowID();
        if (window.x11 == 0)
            return;
        parented = gui->set_parent (plugin, &window);
        if (! parented)
        {
            std::cerr << "warning: the plugin's gui refused the host's X11 window" << std::endl;
            return;
        }
        shown = gui->show (plugin);
    }

    void componentPeerChanged() override { attach(); }
    void componentVisibilityChanged() override { attach(); }
    void componentMovedOrResized (bool, bool) override { embed.updateEmbeddedBounds(); }
    using ComponentMovementWatcher::componentMovedOrResized;
    using ComponentMovementWatcher::componentVisibilityChanged;

    const clap_plugin_t* plugin;
    const clap_plugin_gui_t* gui;
    XEmbedComponent embed { true, false };
    bool parented = false, shown = false, adopting = false;
};

AudioProcessorEditor* Instance::createEditor()
{
    return ClapEditor::create (*this).release();
}

ClapParameter::ClapParameter (Instance& o, const clap_param_info_t& i) : owner (o), info (i)
{
    value.store (toNormalized (info.default_value));
}

void ClapParameter::setValue (float newValue)
{
    value.store (jlimit (0.0f, 1.0f, newValue));
    owner.schedule (*this, value.load(), 0);
}

String ClapParameter::getText (float normalized, int maximumLength) const
{
    char text[256] = {};
    if (! owner.params->value_to_text (owner.plugin, info.id, toClap (normalized), text, sizeof (text)))
        return String (toClap (normalized));
    return String::fromUTF8 (text).substring (0, maximumLength);
}

float ClapParameter::getValueForText (const String& text) const
{
    double v = 0;
    return owner.params->text_to_value (owner.plugin, info.id, text.toRawUTF8(), &v) ? toNormalized (v) : getValue();
}

} // namespace

std::shared_ptr<Module> load (const File& file)
{
    return std::make_shared<Module> (file);
}

std::unique_ptr<AudioPluginInstance> createInstance (std::shared_ptr<Module> module)
{
    auto host = Instance::newHost();
    const auto* plugin = module->factory->create_plugin (module->factory, host.get(), module->descriptor->id);
    if (plugin == nullptr)
        failPlugin ("the factory of " + module->file.getFullPathName() + " created no plugin");
    if (! plugin->init (plugin))
    {
        plugin->destroy (plugin);
        failPlugin (String (module->descriptor->name) + ": init failed");
    }
    return std::make_unique<Instance> (std::move (module), std::move (host), plugin, Instance::busesOf (plugin));
}

void scheduleChange (AudioPluginInstance& instance, int index, float normalized, int frame)
{
    auto* clap = dynamic_cast<Instance*> (&instance);
    auto* p = clap != nullptr ? dynamic_cast<ClapParameter*> (instance.getParameters()[index]) : nullptr;
    if (p == nullptr)
        failArgs ("sample-accurate changes need a CLAP plugin and a parameter index it has");
    clap->schedule (*p, normalized, frame);
}

int gesturesReceived (const AudioPluginInstance& instance)
{
    auto* clap = dynamic_cast<const Instance*> (&instance);
    return clap != nullptr ? clap->gestures.load() : 0;
}

PluginDescription describe (const Module& module)
{
    PluginDescription d;
    d.name = d.descriptiveName = String::fromUTF8 (module.descriptor->name);
    d.pluginFormatName = "CLAP";
    d.manufacturerName = String::fromUTF8 (module.descriptor->vendor != nullptr ? module.descriptor->vendor : "");
    d.version = String::fromUTF8 (module.descriptor->version != nullptr ? module.descriptor->version : "");
    d.fileOrIdentifier = module.file.getFullPathName();
    d.isInstrument = false;
    return d;
}
} // namespace ClapHosting
