#pragma once

#include <juce_audio_processors/juce_audio_processors.h>

namespace foldback
{
class FoldbackProcessor;

/**
 * The plain editor: says whether Java runs and, if not, why. It is what users see when there is
 * no Java or no OpenGL, and it is all there is until the LWJGL editor lands.
 */
class StatusEditor final : public juce::AudioProcessorEditor,
                           private juce::Timer
{
public:
    explicit StatusEditor (FoldbackProcessor& processor, const juce::String& editorProblem = {});
    void paint (juce::Graphics& g) override;
    void resized() override;

private:
    void timerCallback() override;

    FoldbackProcessor& owner;
    juce::Label status;
    juce::String editorProblem;   // why the drawn editor is not shown, if it was tried
};
} // namespace foldback
