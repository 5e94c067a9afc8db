// foldback-host state-batch: restores many states in one process and records what each one
// renders, so a test can restore them again in another process and compare to the bit.
//
// For every *.json in --states (sorted by name), on one plugin instance:
//   set the plugin's own state, prepare (which resets every ramp and limiter, so the render does
//   not depend on the previous state), render the inputs, then save the plugin's state again.
// Prints one line per state: state=NAME audio_sha256=... state_sha256=...
//
// --hostile 1 (issue 19's fuzz: the files are hostile blobs, most of which the plugin must refuse)
// adds before_sha256 (the plugin's own state just before the load; a refused load must leave the
// state saved after it equal) and finite=1|0 (every sample rendered was finite).

#include "Commands.h"
#include "BlockLoop.h"
#include "BusSetup.h"
#include "HostError.h"
#include "InputFeed.h"
#include "Output.h"
#include "PluginLoader.h"
#include "PluginStateFormat.h"

#include <juce_cryptography/juce_cryptography.h>

#include <cmath>
#include <iostream>
#include <limits>

using namespace juce;

namespace
{
/** Renders the inputs once and hashes every output bus's samples, in order. */
String renderAndHash (AudioPluginInstance& plugin, const std::vector<WavIO::Audio>& inputs, int block, int maxFrames,
                      bool& finite)
{
    finite = true;
    int frames = 0;
    for (const auto& input : inputs)
        frames = jmax (frames, input.samples.getNumSamples());
    frames = jmin (frames, maxFrames);

    MemoryOutputStream rendered;
    BlockLoop::run (plugin, frames, block, [block] { return block; },
        BlockLoop::feedFiles (plugin, inputs),
        [&] (AudioBuffer<float>& buffer, int64, int n)
        {
            for (int cue = 0; cue < plugin.getBusCount (false); ++cue)
            {
                auto bus = plugin.getBusBuffer (buffer, false, cue);
                for (int channel = 0; channel < bus.getNumChannels(); ++channel)
                {
                    const auto* samples = bus.getReadPointer (channel);
                    for (int i = 0; i < n; ++i)
                        finite = finite && std::isfinite (samples[i]);
                    rendered.write (samples, sizeof (float) * (size_t) n);
                }
            }
        });
    return SHA256 (rendered.getData(), rendered.getDataSize()).toHexString();
}
} // namespace

int runStateBatch (const Args& args)
{
    const auto inputs = InputFeed::readInputs (args.getAll ("in"));
    if (inputs.empty())
        failArgs ("state-batch needs at least one --in file");

    const auto statesDir = InputFeed::resolve (args.getRequired ("states"));
    const auto saveDir = InputFeed::resolve (args.getRequired ("save-dir"));
    const int block = args.getInt ("block", Defaults::blockSize, 1, Defaults::maxBlockSize);
    const bool hostile = args.has ("hostile");
    const int maxFrames = args.getInt ("frames", std::numeric_limits<int>::max(), 1, std::numeric_limits<int>::max());
    auto files = statesDir.findChildFiles (File::findFiles, false, "*.json");
    files.sort();

    if (files.isEmpty())
        failArgs ("no *.json states in " + statesDir.getFullPathName());
    if (! saveDir.createDirectory())
        failArgs ("cannot create " + saveDir.getFullPathName());

    const double sampleRate = inputs.front().sampleRate;
    PluginLoader loader (args.getRequired ("plugin"));
    auto plugin = loader.createInstance (sampleRate, block);
    applyBusLayout (*plugin, (int) inputs.size(), plugin->getBusCount (false));

    for (const auto& file : files)
    {
        MemoryBlock raw;
        if (! file.loadFileAsData (raw))
            failArgs ("cannot read " + file.getFullPathName());

        String before;
        if (hostile)
        {
            MemoryBlock current;
            plugin->getStateInformation (current);
            const auto own = PluginStateFormat::unwrap (*plugin, current);
            before = " before_sha256=" + SHA256 (own.getData(), own.getSize()).toHexString();
        }
        const auto hostedState = PluginStateFormat::wrap (*plugin, raw);
        plugin->setStateInformation (hostedState.getData(), (int) hostedState.getSize());
        plugin->prepareToPlay (sampleRate, block);
        bool finite = true;
        const auto audioHash = renderAndHash (*plugin, inputs, block, maxFrames, finite);
        plugin->releaseResources();

        MemoryBlock hosted;
        plugin->getStateInformation (hosted);
        const auto saved = PluginStateFormat::unwrap (*plugin, hosted);
        if (! saveDir.getChildFile (file.getFileName()).replaceWithData (saved.getData(), saved.getSize()))
            failArgs ("cannot write into " + saveDir.getFullPathName());

        std::cout << "state=" << file.getFileName() << " audio_sha256=" << audioHash
                  << " state_sha256=" << SHA256 (saved.getData(), saved.getSize()).toHexString();
        if (hostile)
            std::cout << before << " finite=" << (finite ? 1 : 0);
        std::cout << "\n" << std::flush;   // a crash still leaves every line before it
    }
    std::cout << std::flush;
    return ExitCode::ok;
}
