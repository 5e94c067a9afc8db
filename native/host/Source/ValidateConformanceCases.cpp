// Validation cases that replay a conformance check of a plugin format's own validator step by
// step through JUCE's hosting, so the failure shows (and stays fixed) without the validator.
// See native/tests/VALIDATION.md.

#include "ValidateCases.h"

using namespace juce;
using namespace Validate;

namespace ValidateCases
{
void bypassState (ValidateContext& ctx)
{
    // Steinberg's VST3 validator, "Parameter Bypass persistence": bypass on, process, save the
    // preset (component and controller state), bypass off, process, load the preset; the
    // controller's bypass must read on again. JUCE's VST3 host does each step as the validator
    // does: a parameter set on the message thread goes to the controller (setParamNormalized)
    // at once and into the next process call's input parameter changes; getStateInformation is
    // the component's plus the controller's state; setStateInformation sets the component's
    // state, the controller's component state (then reads every value back from the
    // controller: what getValue() returns after it) and the controller's state.
    auto plugin = ctx.create();
    auto* bypassParameter = plugin->getBypassParameter();
    ctx.expect (bypassParameter != nullptr, "the plugin declares no bypass parameter");
    if (bypassParameter == nullptr)
        return;

    plugin->prepareToPlay (48000.0, 512);
    const auto sine = mainSine (1000.0, 0.5f, 48000.0);
    auto play = [&] { return render (*plugin, sine, 4800, fixedBlocks (512), 512); };

    // The validator's process calls carry no audio (numSamples 0): a parameter flush. JUCE's
    // VST3 host cannot send one without buses, so it sends a block of no samples, which JUCE's
    // wrapper, like the flush, applies to the plugin's parameters without audio to process.
    AudioBuffer<float> noSamples (jmax (plugin->getTotalNumInputChannels(), plugin->getTotalNumOutputChannels()), 0);
    MidiBuffer noMidi;
    auto flush = [&] { plugin->processBlock (noSamples, noMidi); };

    setNormalized (*bypassParameter, 1.0f);
    flush();
    const auto saved = stateOf (*plugin);

    setNormalized (*bypassParameter, 0.0f);
    flush();
    const auto unbypassed = play();
    ctx.expect (peak (unbypassed.cues[1], 2400) > 0.1f, "bypass off: cue 2 stays silent");

    plugin->setStateInformation (saved.getData(), (int) saved.getSize());
    const float afterLoad = bypassParameter->getValue();
    ctx.fact ("bypass_after_load", afterLoad);
    ctx.expect (afterLoad >= 0.5f, "the preset was saved bypassed, but the controller's bypass reads "
                                       + String (afterLoad) + " after loading it");

    // The processor follows the loaded state too: bypassed, cue 2 goes silent.
    const auto reloaded = play();
    const float cue2 = peak (reloaded.cues[1], 2400);
    ctx.fact ("cue2_peak_after_load", String (cue2, 6));
    ctx.expect (cue2 < 1.0e-6f, "after loading the bypassed preset cue 2 still sounds (" + String (cue2) + ")");
    plugin->releaseResources();
}
}
