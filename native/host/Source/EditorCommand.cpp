// foldback-host editor: opens the plugin's editor on the X display (Xvfb in tests) while audio
// plays through the plugin, sends real pointer input (XTest), reports the host-side parameter
// gestures that input caused, and saves a screenshot of what the screen shows.

#include "Commands.h"
#include "BusSetup.h"
#include "EditorScreen.h"
#include "HostError.h"
#include "Output.h"
#include "ParameterEdits.h"
#include "PluginLoader.h"
#include "WavIO.h"

using namespace juce;

namespace
{
    /** Prints what the host is told about parameters: gestures and value changes, in order. */
    struct GestureReport final : public AudioProcessorListener
    {
        explicit GestureReport (AudioPluginInstance& p) : plugin (p) {}

        String describe (int index) const
        {
            auto* parameter = plugin.getParameters()[index];
            return String (index) + " " + (parameter != nullptr ? parameter->getName (100) : String ("?"));
        }

        void audioProcessorParameterChanged (AudioProcessor*, int index, float value) override
        {
            printValue ("param", describe (index) + "=" + String (value, 6));
            ++changes;
        }

        void audioProcessorParameterChangeGestureBegin (AudioProcessor*, int index) override
        {
            printValue ("gesture_begin", describe (index));
            ++begins;
        }

        void audioProcessorParameterChangeGestureEnd (AudioProcessor*, int index) override
        {
            printValue ("gesture_end", describe (index));
            ++ends;
        }

        void audioProcessorChanged (AudioProcessor*, const ChangeDetails& details) override
        {
            if (details.programChanged)
                printValue ("program_changed", plugin.getCurrentProgram());
        }

        AudioPluginInstance& plugin;
        int begins = 0, ends = 0, changes = 0;
    };

    /** The host's window: nothing but the plugin's editor, at the screen's top-left corner. */
    struct HostWindow final : public Component
    {
        explicit HostWindow (AudioProcessorEditor& e) : editor (e)
        {
            addAndMakeVisible (editor);
            setSize (editor.getWidth(), editor.getHeight());
        }

        void resized() override { editor.setBounds (getLocalBounds()); }

        AudioProcessorEditor& editor;
    };

    Point<int> parsePoint (const String& spec, const char* option)
    {
        auto parts = StringArray::fromTokens (spec, ",", {});

        if (parts.size() != 2)
            failArgs (String ("--") + option + " wants X,Y, got " + spec);

        return { parts[0].getIntValue(), parts[1].getIntValue() };
    }

    /** Plays the inputs (file i on source bus i) for one display frame (1/60 s) in blocks,
        looping each file. */
    struct Player
    {
        std::vector<WavIO::Audio> inputs;
        AudioBuffer<float> buffer;
        MidiBuffer midi;
        int64 position = 0;

        void playFrame (AudioPluginInstance& plugin, double sampleRate, int block)
        {
            for (int remaining = (int) (sampleRate / 60.0); remaining > 0; )
            {
                const int n = jmin (remaining, block);
                buffer.setSize (buffer.getNumChannels(), n, false, false, true);
                buffer.clear();

                for (size_t source = 0; source < inputs.size(); ++source)
                {
                    const auto& input = inputs[source];
                    const int length = input.samples.getNumSamples();

                    if (length == 0)
                        continue;

                    auto bus = plugin.getBusBuffer (buffer, true, (int) source);

                    for (int i = 0; i < n; ++i)
                        for (int channel = 0; channel < bus.getNumChannels(); ++channel)
                            bus.setSample (channel, i, input.samples.getSample (channel % input.samples.getNumChannels(),
                                                                                (int) ((position + i) % length)));
                }

                midi.clear();
                plugin.processBlock (buffer, midi);
                position += n;
                remaining -= n;
            }
        }
    };
}

int runEditor (const Args& args)
{
    const auto pluginPath = args.getRequired ("plugin");
    const int frames = args.getInt ("frames", 60, 1, 100000);
    const int block = args.getInt ("block", Defaults::blockSize, 1, Defaults::maxBlockSize);
    const auto edits = parseParameterEdits (args.getAll ("set"));
    Player player;
    double sampleRate = args.getDouble ("sample-rate", 48000.0, 1000.0, 1536000.0);

    for (const auto& path : args.getAll ("in"))
    {
        player.inputs.push_back (WavIO::read (File::getCurrentWorkingDirectory().getChildFile (path)));
        sampleRate = player.inputs.front().sampleRate;
    }

    EditorScreen screen;   // fails early without a display
    PluginLoader loader (pluginPath);
    auto plugin = loader.createInstance (sampleRate, block);
    applyBusLayout (*plugin, jmax (1, (int) player.inputs.size()), plugin->getBusCount (false));
    applyParameterEdits (*plugin, edits);
    plugin->prepareToPlay (sampleRate, block);
    player.buffer.setSize (jmax (plugin->getTotalNumInputChannels(), plugin->getTotalNumOutputChannels()), block);
    pumpMessages (10);

    GestureReport report (*plugin);

    if (args.has ("report-params"))
        plugin->addListener (&report);

    std::unique_ptr<AudioProcessorEditor> editor (plugin->createEditorIfNeeded());

    if (editor == nullptr)
        failPlugin ("the plugin has no editor");

    // What a host does on a HiDPI screen: tell the editor its scale (VST3: setContentScaleFactor).
    if (args.has ("scale"))
        editor->setScaleFactor ((float) args.getDouble ("scale", 1.0, 0.5, 4.0));

    if (args.has ("size"))
    {
        const auto size = parsePoint (args.getString ("size").replaceCharacter ('x', ','), "size");
        editor->setSize (size.x, size.y);
    }

    HostWindow window (*editor);
    window.setTopLeftPosition (0, 0);
    window.addToDesktop (0);
    window.setVisible (true);
    printValue ("editor_width", window.getWidth());
    printValue ("editor_height", window.getHeight());

    // Input happens half-way, so the meters have settled before and the screenshot shows after.
    const auto clicks = args.getAll ("click");
    const auto drags = args.getAll ("drag");
    const auto wheels = args.getAll ("wheel");
    const int inputFrame = frames / 2;
    const auto started = Time::getMillisecondCounterHiRes();

    auto pumpFrame = [&]
    {
        player.playFrame (*plugin, sampleRate, block);
        pumpMessages (16);
    };

    for (int frame = 0; frame < frames; ++frame)
    {
        pumpFrame();

        if (frame != inputFrame)
            continue;

        for (const auto& spec : clicks)
        {
            screen.moveTo (window, parsePoint (spec, "click"));
            pumpFrame();
            screen.press (true);
            pumpFrame();
            screen.press (false);
            pumpFrame();
        }

        for (const auto& spec : drags)
        {
            auto parts = StringArray::fromTokens (spec, ",", {});

            if (parts.size() != 4)
                failArgs ("--drag wants X1,Y1,X2,Y2, got " + spec);

            const Point<int> from { parts[0].getIntValue(), parts[1].getIntValue() };
            const Point<int> to { parts[2].getIntValue(), parts[3].getIntValue() };
            screen.moveTo (window, from);
            pumpFrame();
            screen.press (true);
            pumpFrame();

            for (int step = 1; step <= 8; ++step)
            {
                screen.moveTo (window, from + (to - from) * step / 8);
                pumpFrame();
            }

            screen.press (false);
            pumpFrame();
        }

        for (const auto& spec : wheels)
        {
            auto parts = StringArray::fromTokens (spec, ",", {});

            if (parts.size() != 3)
                failArgs ("--wheel wants X,Y,STEPS (negative: down), got " + spec);

            screen.moveTo (window, { parts[0].getIntValue(), parts[1].getIntValue() });
            pumpFrame();

            for (int i = 0; i < std::abs (parts[2].getIntValue()); ++i)
            {
                screen.wheel (parts[2].getIntValue() > 0);
                pumpFrame();
            }
        }
    }

    printValue ("frames", frames);
    printValue ("seconds", (Time::getMillisecondCounterHiRes() - started) / 1000.0);

    if (args.has ("screenshot"))
    {
        const auto file = File::getCurrentWorkingDirectory().getChildFile (args.getString ("screenshot"));
        const auto image = screen.capture (window);
        file.deleteFile();
        FileOutputStream out (file);
        PNGImageFormat png;

        if (! out.openedOk() || ! png.writeImageToStream (image, out))
            failArgs ("cannot write " + file.getFullPathName());

        printValue ("screenshot", file.getFullPathName());
    }

    if (args.has ("report-params"))
    {
        printValue ("gesture_begins", report.begins);
        printValue ("gesture_ends", report.ends);
        printValue ("param_changes", report.changes);
    }

    window.removeChildComponent (editor.get());
    plugin->editorBeingDeleted (editor.get());
    editor.reset();
    pumpMessages (20);
    plugin->removeListener (&report);
    plugin->releaseResources();
    return ExitCode::ok;
}
