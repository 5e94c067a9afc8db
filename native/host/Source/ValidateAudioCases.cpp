// Validation cases about the audio stream itself: sample rates, block sizes, lifecycle order,
// bypass clicks and hostile input. See native/tests/VALIDATION.md.

#include "ValidateCases.h"

using namespace juce;
using namespace Validate;

namespace
{
    constexpr float sineAmplitude = 0.5f;
    constexpr double sineFrequency = 1000.0;

    /** What cue 1 makes of the reference sine in the default state: the level every other
        measurement of "correct output" is compared with. */
    Rendered defaultRender (ValidateContext& ctx, double seconds)
    {
        auto plugin = ctx.create();
        plugin->prepareToPlay (48000.0, 512);
        auto out = render (*plugin, mainSine (sineFrequency, sineAmplitude, 48000.0), (int64) (48000.0 * seconds),
                           fixedBlocks (512), 512);
        plugin->releaseResources();
        return out;
    }

    /** A sine on the main input and noise on source 2, mixed into cue 1: two buses, so a block
        bug that mixes up channel offsets shows too. */
    float twoSources (int bus, int channel, int64 frame)
    {
        if (bus == 0)
            return sineAmplitude * (float) std::sin (MathConstants<double>::twoPi * sineFrequency * (double) frame / 48000.0);
        return bus == 1 ? noiseAt (frame, bus, channel, 0.25f) : 0.0f;
    }

    Rendered renderTwoSources (ValidateContext& ctx, int prepareBlock, const BlockSizes& sizes, int capacity, int64 frames)
    {
        auto plugin = ctx.create (48000.0, prepareBlock);
        setByText (*plugin, "Cue 1 Src 2 Level", "-6");
        plugin->prepareToPlay (48000.0, prepareBlock);
        auto out = render (*plugin, twoSources, frames, sizes, capacity);
        plugin->releaseResources();
        return out;
    }

    void compareWithReference (ValidateContext& ctx, const Rendered& reference, const String& name, const Rendered& out)
    {
        // Parameter smoothing is per sample, so the block size must not change a single sample
        // beyond float rounding (1e-5 is -100 dBFS).
        constexpr float tolerance = 1.0e-5f;
        const float difference = maxDifference (out, reference);
        ctx.expect (difference <= tolerance, name + ": differs from the 512-sample render by " + String (difference));
        ctx.fact (name + "_maxdiff", String (difference, 9));
    }
}

namespace ValidateCases
{
void rates (ValidateContext& ctx)
{
    double reference = -1.0;

    auto check = [&] (AudioPluginInstance& plugin, double sampleRate, const String& label)
    {
        const auto frames = (int64) (sampleRate * 0.3);
        const auto out = render (plugin, mainSine (sineFrequency, sineAmplitude, sampleRate), frames, fixedBlocks (512), 512);
        const int from = (int) (sampleRate * 0.2), to = (int) frames;
        const double level = rms (out.cues[0], from, to);
        // 0.1 s of a 1 kHz sine crosses zero 200 times: the plugin runs at the rate it was given.
        const int crossings = zeroCrossings (out.cues[0], 0, from, to);

        if (reference < 0.0)
            reference = level;

        ctx.expect (nonFinite (out) == 0, label + ": non-finite output");
        ctx.expect (level > 0.05, label + ": cue 1 is silent");
        ctx.expect (std::abs (crossings - 200) <= 2, label + ": " + String (crossings) + " zero crossings in 0.1 s, a 1 kHz sine has 200");
        ctx.expect (std::abs (toDb (level / reference)) <= 0.05,
                    label + ": cue 1 level " + String (toDb (level / reference), 3) + " dB off the first rate's");
    };

    for (double sampleRate : { 44100.0, 48000.0, 88200.0, 96000.0, 192000.0 })
    {
        auto plugin = ctx.create (sampleRate, 512);
        plugin->prepareToPlay (sampleRate, 512);
        check (*plugin, sampleRate, "fresh at " + String (sampleRate));
        plugin->releaseResources();
    }

    // One instance prepared again at another rate mid-session, as when the user changes the
    // interface's rate.
    auto plugin = ctx.create();
    int switches = 0;

    for (double sampleRate : { 48000.0, 192000.0, 44100.0, 96000.0, 88200.0, 48000.0 })
    {
        plugin->releaseResources();
        plugin->prepareToPlay (sampleRate, 512);
        check (*plugin, sampleRate, "switched to " + String (sampleRate));
        ++switches;
    }

    plugin->releaseResources();
    ctx.fact ("rates", "44100/48000/88200/96000/192000");
    ctx.fact ("switches", switches);
    ctx.fact ("cue1_gain_db", String (toDb (reference / (sineAmplitude / std::sqrt (2.0))), 3));
}

void blocks (ValidateContext& ctx)
{
    const int64 frames = ctx.quick ? 24000 : 48000;
    const auto reference = renderTwoSources (ctx, 512, fixedBlocks (512), 512, frames);
    ctx.expect (rms (reference.cues[0]) > 0.05, "the reference render is silent");

    struct Variant
    {
        const char* name;
        int prepareBlock;
        BlockSizes sizes;
        int capacity;
    };

    auto counter = std::make_shared<int> (0);
    // Every call a different size, from 1 up to 97 and now and then the full 8192.
    BlockSizes changing = [counter] { const int i = (*counter)++; return i % 10 == 9 ? 8192 : (i * 37) % 97 + 1; };

    const Variant variants[] = {
        { "random-1-8192", 8192, randomBlocks (8192, 7), 8192 },
        { "changing-every-call", 8192, changing, 8192 },
        { "block-1", 1, fixedBlocks (1), 1 },
        { "block-8192", 8192, fixedBlocks (8192), 8192 },
    };

    for (auto& v : variants)
        compareWithReference (ctx, reference, v.name, renderTwoSources (ctx, v.prepareBlock, v.sizes, v.capacity, frames));
}

void oversize (ValidateContext& ctx)
{
    // Blocks larger than the size announced in prepare. The shim splits them into prepared-size
    // pieces; the format wrapper in front of it must let them through. (JUCE's VST3 wrapper does
    // not: it copies into a scratch buffer sized at setupProcessing, so this case is run on the
    // LV2 only; VST3 forbids such blocks anyway, numSamples <= maxSamplesPerBlock.)
    const int64 frames = ctx.quick ? 24000 : 48000;
    const auto reference = renderTwoSources (ctx, 512, fixedBlocks (512), 512, frames);
    compareWithReference (ctx, reference, "1024-after-prepare-256", renderTwoSources (ctx, 256, fixedBlocks (1024), 1024, frames));
    compareWithReference (ctx, reference, "8192-after-prepare-64", renderTwoSources (ctx, 64, fixedBlocks (8192), 8192, frames));
    compareWithReference (ctx, reference, "random-after-prepare-100", renderTwoSources (ctx, 100, randomBlocks (4096, 11), 4096, frames));
}

void lifecycle (ValidateContext& ctx)
{
    const auto reference = defaultRender (ctx, 0.25);
    const int64 frames = reference.cues[0].getNumSamples();
    const auto sine = mainSine (sineFrequency, sineAmplitude, 48000.0);
    constexpr float tolerance = 1.0e-5f;

    {
        // process before prepare, with NaN in the input: no crash, and a prepare afterwards
        // still gives the normal output. (JUCE's VST3 host drops processBlock until the plugin
        // is active, so the plugin itself never sees this call here; the fact says whether the
        // buffer came back untouched. VALIDATION.md has the shim's own no-prepare path.)
        auto plugin = ctx.create();
        auto nanEveryThird = [&] (int bus, int ch, int64 frame) { return frame % 3 == 0 ? NAN : sine (bus, ch, frame); };
        const auto early = render (*plugin, nanEveryThird, 2048, fixedBlocks (512), 512);
        ctx.fact ("nonfinite_before_prepare", nonFinite (early));
        plugin->prepareToPlay (48000.0, 512);
        const auto after = render (*plugin, sine, frames, fixedBlocks (512), 512);
        ctx.expect (maxDifference (after, reference) <= tolerance, "after process-before-prepare, output differs by "
                                                                       + String (maxDifference (after, reference)));
        plugin->releaseResources();
    }

    {
        // release without prepare, twice.
        auto plugin = ctx.create();
        plugin->releaseResources();
        plugin->releaseResources();
        plugin->prepareToPlay (48000.0, 512);
        const auto out = render (*plugin, sine, frames, fixedBlocks (512), 512);
        ctx.expect (maxDifference (out, reference) <= tolerance, "after release without prepare, output differs by "
                                                                     + String (maxDifference (out, reference)));
        plugin->releaseResources();
    }

    {
        // zero-length blocks, before the first real one and between every two.
        auto plugin = ctx.create();
        plugin->prepareToPlay (48000.0, 512);
        auto counter = std::make_shared<int> (0);
        const auto out = render (*plugin, sine, frames, [counter] { const int i = (*counter)++; return i < 3 || i % 2 == 1 ? 0 : 512; }, 512);
        ctx.expect (nonFinite (out) == 0, "zero-length blocks: non-finite output");
        ctx.expect (maxDifference (out, reference) <= tolerance, "with zero-length blocks in between, output differs by "
                                                                     + String (maxDifference (out, reference)));
        ctx.fact ("zero_length_blocks", out.blocks - frames / 512);
        plugin->releaseResources();
    }

    {
        // Many suspend/resume (release/prepare, VST3 setActive false/true) cycles at changing
        // rates and block sizes, a little audio in each, then the normal output again.
        const int cycles = ctx.quick ? 40 : 200;
        auto plugin = ctx.create();
        const double rates[] = { 44100.0, 48000.0, 96000.0 };
        const int sizes[] = { 64, 512, 4096, 1 };
        int64 bad = 0;

        for (int i = 0; i < cycles; ++i)
        {
            const int block = sizes[i % 4];
            plugin->prepareToPlay (rates[i % 3], block);
            bad += nonFinite (render (*plugin, sine, 2 * block, fixedBlocks (block), block));
            plugin->releaseResources();
        }

        plugin->prepareToPlay (48000.0, 512);
        const auto out = render (*plugin, sine, frames, fixedBlocks (512), 512);
        plugin->releaseResources();
        ctx.expect (bad == 0, "non-finite output during prepare/release cycles");
        ctx.expect (maxDifference (out, reference) <= tolerance, "after " + String (cycles) + " prepare/release cycles, output differs by "
                                                                     + String (maxDifference (out, reference)));
        ctx.fact ("prepare_release_cycles", cycles);
    }
}

void bypass (ValidateContext& ctx)
{
    auto plugin = ctx.create();
    auto* bypassParameter = plugin->getBypassParameter();
    ctx.expect (bypassParameter != nullptr, "the plugin declares no bypass parameter");
    if (bypassParameter == nullptr)
        return;

    // Cue 1 at -12 dB so that wet and dry differ (bypass passes the main input dry to cue 1);
    // cue 2 hears the main input and goes silent in bypass.
    setByText (*plugin, "Cue 1 Level", "-12");
    plugin->prepareToPlay (48000.0, 512);

    const int64 frames = 48000 * 6 / 10;
    const int64 on = 9600 + 77, off = 19200 + 301;   // not on block boundaries
    bool isOn = false;

    const auto out = render (*plugin, mainSine (sineFrequency, sineAmplitude, 48000.0), frames, fixedBlocks (64), 64,
                             [&] (int64 position, int)
                             {
                                 const bool wanted = position >= on && position < off;
                                 if (wanted != isOn)
                                     setNormalized (*bypassParameter, wanted ? 1.0f : 0.0f);
                                 isOn = wanted;
                             });
    plugin->releaseResources();

    // The sine's own largest step is 2 pi f A / fs; a click adds a jump on top. A bypass that
    // switched without a fade would step by up to |dry - wet| (0.375 on cue 1, 0.5 on cue 2).
    const float sineStep = (float) (MathConstants<double>::twoPi * sineFrequency * sineAmplitude / 48000.0);
    const float bound = sineStep * 1.05f + 0.005f;

    for (int cue = 0; cue < jmin (2, (int) out.cues.size()); ++cue)
    {
        const float step = maxStep (out.cues[(size_t) cue]);
        ctx.expect (step <= bound, "cue " + String (cue + 1) + ": a step of " + String (step) + " around the bypass toggles (bound "
                                       + String (bound) + ")");
        ctx.fact ("cue" + String (cue + 1) + "_max_step", String (step, 5));
    }

    ctx.fact ("step_bound", String (bound, 5));

    // Bypass did take effect: dry sine on cue 1, silence on cue 2, while it was on.
    const double dry = sineAmplitude / std::sqrt (2.0);
    const double bypassedCue1 = rms (out.cues[0], (int) on + 2400, (int) off);
    ctx.expect (std::abs (toDb (bypassedCue1 / dry)) < 0.1, "bypassed cue 1 is not the dry input (" + String (toDb (bypassedCue1 / dry), 2) + " dB)");
    if (out.cues.size() > 1)
        ctx.expect (peak (out.cues[1], (int) on + 2400, (int) off) < 1.0e-6f, "bypassed cue 2 is not silent");
    ctx.expect (rms (out.cues[0], (int) off + 2400, (int) frames) < dry * 0.5, "cue 1 did not come back from bypass");
}

void input (ValidateContext& ctx)
{
    // Every send and every cue at +10 dB, default limiter (-1 dBFS): the worst the mix can do.
    auto plugin = ctx.create();
    const int sources = plugin->getBusCount (true), cues = plugin->getBusCount (false);

    for (int c = 1; c <= cues; ++c)
    {
        setByText (*plugin, "Cue " + String (c) + " Level", "10");
        for (int s = 1; s <= sources; ++s)
            setByText (*plugin, "Cue " + String (c) + " Src " + String (s) + " Level", "10");
    }

    plugin->prepareToPlay (48000.0, 512);

    // Each bus cycles through the kinds of hostile input in 50 ms segments, offset per bus so that
    // at any moment different buses carry different things.
    auto hostile = [] (int bus, int channel, int64 frame) -> float
    {
        const int kind = (int) ((frame / 2400 + bus) % 6);
        switch (kind)
        {
            case 0:  return NAN;
            case 1:  return frame % 2 == 0 ? INFINITY : -INFINITY;
            case 2:  return (frame % 2 == 0 ? 1.0f : -1.0f) * 1.0e-40f;            // subnormal
            case 3:  return (frame / 50) % 2 == 0 ? 1.0f : -1.0f;                  // full-scale square
            case 4:  return (float) std::sin (0.13 * (double) frame + channel);    // full-scale sine
            default: return frame % 7 == 0 ? NAN : (frame % 13 == 0 ? INFINITY : noiseAt (frame, bus, channel, 1.0f));
        }
    };

    const int64 frames = ctx.quick ? 28800 : 57600;
    const auto out = render (*plugin, hostile, frames, randomBlocks (512, 3), 512);
    const float worst = peak (out);
    ctx.expect (nonFinite (out) == 0, String (nonFinite (out)) + " non-finite output samples");
    ctx.expect (worst <= defaultCeiling, "output peak " + String (worst, 7) + " above the -1 dBFS ceiling");
    ctx.fact ("buses", sources);
    ctx.fact ("peak", String (worst, 7));

    // Afterwards, clean input comes through again on every cue (nothing stays quarantined).
    const auto clean = render (*plugin, mainSine (sineFrequency, sineAmplitude, 48000.0), 48000, fixedBlocks (512), 512);
    for (int c = 0; c < cues; ++c)
        ctx.expect (peak (clean.cues[(size_t) c], 36000) > 0.5f, "cue " + String (c + 1) + " stays silent after the hostile input");
    ctx.expect (peak (clean) <= defaultCeiling, "clean output above the ceiling");
    plugin->releaseResources();
}
}
