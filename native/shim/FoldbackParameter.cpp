#include "FoldbackParameter.h"

#include <cmath>

namespace foldback
{
namespace
{
/** The cue (0-based) a parameter belongs to by its ID ("cue3.level": 2), or -1 for none. */
int cueOfParameter (const juce::String& id)
{
    if (! id.startsWith ("cue") || ! id.containsChar ('.'))
        return -1;
    const auto number = id.substring (3).upToFirstOccurrenceOf (".", false, false);
    return number.containsOnly ("0123456789") && number.isNotEmpty() ? number.getIntValue() - 1 : -1;
}
} // namespace

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
    s.cue = cueOfParameter (s.id);
    return s;
}

const std::vector<FoldbackParameter::Spec>& FoldbackParameter::Spec::table()
{
    // Built by the first instance (C++ makes a function's static once, thread-safely), never
    // changed after: instances on any thread read it without a lock. juce::String's counts are atomic.
    static const std::vector<Spec> specs = []
    {
        std::vector<Spec> all;
        all.reserve ((size_t) contract::paramCount);
        for (int i = 0; i < contract::paramCount; ++i)
            all.push_back (from (contract::params[i]));
        return all;
    }();
    return specs;
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
