#include "FoldbackParameter.h"

#include <cmath>

namespace foldback
{
FoldbackParameter::Spec FoldbackParameter::Spec::from (const contract::ParamSpec& declared)
{
    Spec s;
    s.id = juce::String::fromUTF8 (declared.id);
    s.name = juce::String::fromUTF8 (declared.name);
    s.unit = juce::String::fromUTF8 (declared.unit);
    s.kind = declared.kind == contract::ParamKind::Bool ? "BOOL" : declared.kind == contract::ParamKind::Choice ? "CHOICE" : "FLOAT";
    s.defaultValue = declared.defaultNormalized;
    s.steps = declared.steps;
    s.automatable = declared.automatable;
    for (int i = 0; i < declared.choiceCount; ++i)
        s.choices.add (juce::String::fromUTF8 (declared.choices[i]));
    return s;
}

FoldbackParameter::FoldbackParameter (int idx, const Spec& s, Formatter f, Parser p)
    : juce::AudioProcessorParameterWithID (juce::ParameterID { s.id, 1 }, s.name),
      index (idx), spec (s), formatter (std::move (f)), parser (std::move (p)), value (s.defaultValue)
{
}

void FoldbackParameter::setValue (float newValue)
{
    // An unchanged value is no change: JUCE's LV2 wrapper sets the bypass parameter on every
    // run(), which otherwise made each block scan all ~500 parameters and hand Java a change.
    const auto clamped = juce::jlimit (0.0f, 1.0f, newValue);
    if (value.exchange (clamped, std::memory_order_relaxed) == clamped)
        return;
    markChanged();
    if (anyChange != nullptr)
        anyChange->store (true, std::memory_order_release);
}

int FoldbackParameter::getNumSteps() const
{
    return spec.steps > 0 ? spec.steps : juce::AudioProcessor::getDefaultNumParameterSteps();
}

juce::String FoldbackParameter::getText (float normalized, int maximumLength) const
{
    auto text = formatter (index, normalized);
    return maximumLength > 0 ? text.substring (0, maximumLength) : text;
}

float FoldbackParameter::getValueForText (const juce::String& text) const
{
    auto v = parser (index, text);
    // Text that means nothing for this parameter leaves it where it is.
    return std::isnan (v) ? getValue() : v;
}
} // namespace foldback
