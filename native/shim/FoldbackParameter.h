#pragma once

#include "Boundary.h"

#include <juce_audio_processors/juce_audio_processors.h>

#include <atomic>
#include <functional>
#include <vector>

namespace foldback
{
/**
 * A host-visible parameter built from one entry of the Java parameter table (compiled in from the
 * generated boundary header, so a session's parameters exist even when Java cannot start). The value is the
 * host's normalized 0..1 number; whenever it changes (host automation, a state load, an edit from
 * the editor) the parameter is flagged so that the next audio block hands it to Java.
 * Text conversion asks Java, so every host shows exactly what the Java table defines.
 */
class FoldbackParameter final : public juce::AudioProcessorParameterWithID
{
public:
    struct Spec
    {
        juce::String id, name, unit, kind;
        float defaultValue = 0;   // normalized
        int steps = 0;            // 0: continuous; else the number of choices
        bool automatable = true;
        juce::StringArray choices;
        int cue = -1;             // the cue (0-based) its ID names ("cue3.level": 2), or -1 for none

        /** The parameter as the boundary contract declares it (generated from Java's Params). */
        static Spec from (const contract::ParamSpec& declared);

        /**
         * Every parameter's spec in table order, made once per process on first use and shared,
         * read-only, by every instance: a new instance's 569 parameters then copy no text (their
         * strings are JUCE's reference-counted ones), which the second instance's start-up pays.
         */
        static const std::vector<Spec>& table();
    };

    using Formatter = std::function<juce::String (int index, float normalized)>;
    using Parser = std::function<float (int index, const juce::String& text)>;

    FoldbackParameter (int index, const Spec& spec, Formatter formatter, Parser parser);

    float getValue() const override { return value.load (std::memory_order_relaxed); }
    void setValue (float newValue) override;
    float getDefaultValue() const override { return spec.defaultValue; }
    juce::String getText (float normalized, int maximumLength) const override;
    float getValueForText (const juce::String& text) const override;
    juce::String getLabel() const override { return spec.unit; }
    int getNumSteps() const override;
    bool isDiscrete() const override { return spec.steps > 0; }
    bool isBoolean() const override { return spec.kind == "BOOL"; }
    bool isAutomatable() const override { return spec.automatable; }
    juce::StringArray getAllValueStrings() const override { return spec.choices; }

    const Spec& getSpec() const noexcept { return spec; }

    /** True once after each change; the audio thread calls this to collect changes. */
    bool takeChange() noexcept { return changed.exchange (false, std::memory_order_acq_rel); }
    void markChanged() noexcept { changed.store (true, std::memory_order_release); }
    /** Whether a change waits for the next block (not taken). */
    bool changePending() const noexcept { return changed.load (std::memory_order_acquire); }

    /**
     * Raised when the value changed without the host being told yet (a program or state load
     * off the plugin's message thread, the LV2 host's enabled port on the audio thread); the
     * processor tells the host on its message thread.
     */
    std::atomic<bool> hostNotUpdated { false };

    /** Set by the processor: raised whenever any parameter changes, so idle blocks skip the scan. */
    std::atomic<bool>* anyChange = nullptr;

private:
    const int index;
    const Spec& spec;   // an entry of Spec::table(), which outlives every instance
    Formatter formatter;
    Parser parser;
    std::atomic<float> value;
    // Not changed at first: the value starts at the table's default, which is Java's own
    // normalized default to the bit (BoundaryHeader writes it so, BoundaryTest checks it), and a
    // new Java instance holds its defaults; so the first block hands Java nothing it has.
    std::atomic<bool> changed { false };
};
} // namespace foldback
