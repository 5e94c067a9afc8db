// foldback-host editor-cycles: opens and closes the plugin's editor many times on the message
// thread while another thread renders audio through the plugin in real time, as a DAW does when
// someone opens and closes the plugin window during playback. Reports whether the audio stayed
// right the whole time, and the process's threads and resident memory after the first and the
// last cycle, so a test can tell whether anything piles up per cycle.

#include "BusSetup.h"
#include "Commands.h"
#include "EditorScreen.h"
#include "EditorWindow.h"
#include "HostError.h"
#include "Output.h"
#include "PluginLoader.h"

#include <malloc.h>

#include <atomic>
#include <chrono>
#include <cmath>
#include <thread>

using namespace juce;

namespace
{
    /** A -18 dBFS 1 kHz sine into the main input, block after block at the real-time rate, on a
        thread of its own. Every cue hears the main input at unity by default and the limiter
        (-1 dBFS) stays idle, so each cue's output must equal the input. */
    class AudioThread
    {
    public:
        AudioThread (AudioPluginInstance& p, double rate, int blockSize)
            : plugin (p), sampleRate (rate), block (blockSize),
              buffer (jmax (p.getTotalNumInputChannels(), p.getTotalNumOutputChannels()), blockSize),
              input (blockSize)
        {
            thread = std::thread ([this] { run(); });
        }

        ~AudioThread() { stop(); }

        void stop()
        {
            running = false;

            if (thread.joinable())
                thread.join();
        }

        std::atomic<int64> blocks { 0 }, lateBlocks { 0 }, nonFinite { 0 };
        std::atomic<double> maxDifference { 0.0 };

    private:
        // The first blocks ramp in (parameter smoothing starts from silence on a new instance).
        static constexpr int settleBlocks = 50;

        void run()
        {
            const auto period = std::chrono::duration<double> (block / sampleRate);
            auto next = std::chrono::steady_clock::now();
            const double amplitude = std::pow (10.0, -18.0 / 20.0);
            MidiBuffer midi;

            while (running)
            {
                for (int i = 0; i < block; ++i)
                    input[(size_t) i] = (float) (amplitude * std::sin (2.0 * MathConstants<double>::pi * 1000.0 * (double) (position + i) / sampleRate));

                buffer.clear();
                auto main = plugin.getBusBuffer (buffer, true, 0);

                for (int channel = 0; channel < main.getNumChannels(); ++channel)
                    main.copyFrom (channel, 0, input.data(), block);

                plugin.processBlock (buffer, midi);
                check();
                position += block;
                ++blocks;

                next += std::chrono::duration_cast<std::chrono::steady_clock::duration> (period);

                if (std::chrono::steady_clock::now() > next)
                    ++lateBlocks;
                else
                    std::this_thread::sleep_until (next);
            }
        }

        void check()
        {
            double worst = 0.0;
            int64 bad = 0;

            for (int bus = 0; bus < plugin.getBusCount (false); ++bus)
            {
                if (! plugin.getBus (false, bus)->isEnabled())
                    continue;

                auto out = plugin.getBusBuffer (buffer, false, bus);

                for (int channel = 0; channel < out.getNumChannels(); ++channel)
                    for (int i = 0; i < block; ++i)
                    {
                        const float v = out.getSample (channel, i);

                        if (! std::isfinite (v))
                            ++bad;
                        else
                            worst = jmax (worst, (double) std::abs (v - input[(size_t) i]));
                    }
            }

            nonFinite += bad;

            if (blocks >= settleBlocks && worst > maxDifference.load())
                maxDifference = worst;
        }

        AudioPluginInstance& plugin;
        const double sampleRate;
        const int block;
        AudioBuffer<float> buffer;
        std::vector<float> input;
        int64 position = 0;
        std::atomic<bool> running { true };
        std::thread thread;
    };

    /** A number from /proc/self/status ("Threads", "VmRSS" in kB). Before reading the resident
        size, glibc gives the free memory at the top of its heaps back to the system: what a GL
        context frees on closing otherwise stays resident in malloc's arenas (reused later, but
        counted), and the figure would measure the allocator's caching instead of what is live. */
    int64 procStatus (const String& key)
    {
        if (key == "VmRSS")
            malloc_trim (0);

        for (auto& line : StringArray::fromLines (File ("/proc/self/status").loadFileAsString()))
            if (line.startsWith (key + ":"))
                return line.fromFirstOccurrenceOf (":", false, false).trim().getLargeIntValue();

        return -1;
    }
}

int runEditorCycles (const Args& args)
{
    const auto pluginPath = args.getRequired ("plugin");
    const int cycles = args.getInt ("cycles", 100, 1, 100000);
    const int openFrames = args.getInt ("open-frames", 6, 1, 1000);
    const int block = args.getInt ("block", Defaults::blockSize, 16, 8192);
    const double sampleRate = args.getDouble ("sample-rate", Defaults::sampleRate, 8000.0, 384000.0);

    EditorScreen screen;   // fails early without a display
    PluginLoader loader (pluginPath);
    auto plugin = loader.createInstance (sampleRate, block);
    applyBusLayout (*plugin, 1, plugin->getBusCount (false));
    plugin->setNonRealtime (false);   // audio plays beside the editor as in a DAW
    plugin->prepareToPlay (sampleRate, block);
    pumpMessages (10);

    const auto started = Time::getMillisecondCounterHiRes();
    AudioThread audio (*plugin, sampleRate, block);
    int64 threadsAfterFirst = 0, rssAfterFirst = 0, threadsAfterHalf = 0, rssAfterHalf = 0;
    int64 blocksAfterFirst = 0;

    for (int cycle = 1; cycle <= cycles; ++cycle)
    {
        std::unique_ptr<AudioProcessorEditor> editor (plugin->createEditorIfNeeded());

        if (editor == nullptr)
            failPlugin ("the plugin has no editor (cycle " + String (cycle) + ")");

        {
            HostWindow window (*editor);
            window.setTopLeftPosition (0, 0);
            window.addToDesktop (0);
            window.setVisible (true);

            for (int frame = 0; frame < openFrames; ++frame)
                pumpMessages (16);

            window.removeChildComponent (editor.get());
        }

        plugin->editorBeingDeleted (editor.get());
        editor.reset();
        pumpMessages (10);

        // The first cycle loads what stays loaded (LWJGL, NanoVG, fonts, the JIT's first code):
        // growth is counted from there.
        if (cycle == 1)
        {
            threadsAfterFirst = procStatus ("Threads");
            rssAfterFirst = procStatus ("VmRSS");
            blocksAfterFirst = audio.blocks;
        }

        // Half-way too: growth over the second half tells a leak (it keeps growing) from what
        // the first cycles load more slowly than in one go (the JIT, the driver's caches).
        if (cycle == cycles / 2)
        {
            threadsAfterHalf = procStatus ("Threads");
            rssAfterHalf = procStatus ("VmRSS");
        }
    }

    pumpMessages (50);
    const auto blocksDuringCycles = audio.blocks - blocksAfterFirst;
    audio.stop();

    printValue ("cycles", cycles);
    printValue ("seconds", (Time::getMillisecondCounterHiRes() - started) / 1000.0);
    printValue ("audio_blocks", (int64) audio.blocks);
    printValue ("audio_blocks_during_cycles", blocksDuringCycles);
    printValue ("audio_late_blocks", (int64) audio.lateBlocks);
    printValue ("audio_nonfinite_samples", (int64) audio.nonFinite);
    printValue ("audio_max_difference", String (audio.maxDifference.load(), 9));
    printValue ("threads_after_first", threadsAfterFirst);
    printValue ("threads_after_half", threadsAfterHalf);
    printValue ("threads_after_last", procStatus ("Threads"));
    printValue ("rss_kb_after_first", rssAfterFirst);
    printValue ("rss_kb_after_half", rssAfterHalf);
    printValue ("rss_kb_after_last", procStatus ("VmRSS"));

    plugin->releaseResources();
    return ExitCode::ok;
}
