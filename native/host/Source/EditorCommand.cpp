// foldback-host editor: opens the plugin's editor on the X display (Xvfb in tests) while audio
// plays through the plugin, sends real pointer input (XTest), reports the host-side parameter
// gestures that input caused, and saves a screenshot of what the screen shows.

#include "Commands.h"
#include "BusSetup.h"
#include "EditorScreen.h"
#include "EditorWindow.h"
#include "GestureReport.h"
#include "HostError.h"
#include "Output.h"
#include "ParameterEdits.h"
#include "PluginLoader.h"
#include "PluginStateFormat.h"
#include "WavIO.h"

using namespace juce;

namespace
{
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

    // --plugin-state: the plugin's own state bytes (VST3), restored before the editor opens.
    if (args.has ("plugin-state"))
    {
        MemoryBlock raw;
        const auto file = File::getCurrentWorkingDirectory().getChildFile (args.getString ("plugin-state"));

        if (! file.loadFileAsData (raw))
            failArgs ("cannot read state file " + file.getFullPathName());

        const auto hosted = PluginStateFormat::wrap (*plugin, raw);
        plugin->setStateInformation (hosted.getData(), (int) hosted.getSize());
    }

    if (args.has ("track-name"))
        plugin->updateTrackProperties ({ args.getString ("track-name"), {} });   // VST3: IInfoListener

    plugin->setNonRealtime (false);   // audio plays beside the editor as in a DAW
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
    // The steps run in the order they were given on the command line.
    const auto steps = args.getInOrder ({ "click", "double-click", "drag", "wheel", "type", "key" });
    const int inputFrame = frames / 2;
    const auto started = Time::getMillisecondCounterHiRes();

    auto pumpFrame = [&]
    {
        player.playFrame (*plugin, sampleRate, block);
        pumpMessages (16);
    };

    auto numbers = [] (const String& spec, int count, const char* option)
    {
        auto parts = StringArray::fromTokens (spec, ",", {});

        if (parts.size() != count)
            failArgs (String ("--") + option + " wants " + String (count) + " numbers separated by commas, got " + spec);

        std::vector<int> values;

        for (auto& part : parts)
            values.push_back (part.getIntValue());

        return values;
    };

    auto click = [&]
    {
        screen.press (true);
        pumpFrame();
        screen.press (false);
        pumpFrame();
    };

    for (int frame = 0; frame < frames; ++frame)
    {
        pumpFrame();

        if (frame != inputFrame)
            continue;

        for (const auto& [option, spec] : steps)
        {
            if (option == "click" || option == "double-click")
            {
                const auto at = parsePoint (spec, option.toRawUTF8());
                screen.moveTo (window, at);
                pumpFrame();
                click();

                // Two presses well inside the double-click time (JUCE: 400 ms), one frame apart.
                if (option == "double-click")
                    click();
            }
            else if (option == "drag")
            {
                const auto v = numbers (spec, 4, "drag");
                const Point<int> from { v[0], v[1] };
                const Point<int> to { v[2], v[3] };
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
            else if (option == "wheel")
            {
                const auto v = numbers (spec, 3, "wheel");
                screen.moveTo (window, { v[0], v[1] });
                pumpFrame();

                for (int i = 0; i < std::abs (v[2]); ++i)
                {
                    screen.wheel (v[2] > 0);
                    pumpFrame();
                }
            }
            else if (option == "type")
            {
                // The keys go where X's keyboard focus is: the editor takes it when clicked.
                screen.type (spec);
                pumpFrame();
            }
            else if (option == "key")
            {
                screen.key (spec);
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
        printValue ("state_changes", report.stateChanges);
    }

    window.removeChildComponent (editor.get());
    plugin->editorBeingDeleted (editor.get());
    editor.reset();
    pumpMessages (20);

    // What the host would save with the session now (after the editor closed, as a host saves).
    if (args.has ("save-plugin-state"))
    {
        MemoryBlock hosted;
        plugin->getStateInformation (hosted);
        const auto raw = PluginStateFormat::unwrap (*plugin, hosted);
        const auto file = File::getCurrentWorkingDirectory().getChildFile (args.getString ("save-plugin-state"));

        if (! file.replaceWithData (raw.getData(), raw.getSize()))
            failArgs ("cannot write state file " + file.getFullPathName());

        printValue ("plugin_state_bytes", (int64) raw.getSize());
    }
    plugin->removeListener (&report);
    plugin->releaseResources();
    return ExitCode::ok;
}
