#pragma once

#include "StatusView.h"

#include <juce_audio_processors/juce_audio_processors.h>

namespace foldback
{
class FoldbackProcessor;

/** The JUCE formats' plain editor: the StatusView in the host's editor window. */
class StatusEditor final : public juce::AudioProcessorEditor
{
public:
    explicit StatusEditor (FoldbackProcessor& processor, const juce::String& editorProblem = {});
    void resized() override;

private:
    StatusView view;
};
} // namespace foldback
