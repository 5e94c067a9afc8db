#pragma once

#include <juce_gui_basics/juce_gui_basics.h>

#include <functional>

namespace foldback
{
/**
 * The plain view: says whether Java runs and, if not, why. It is what users see when there is no
 * Java or no OpenGL, in every format: the JUCE formats show it in their StatusEditor, the CLAP in
 * the window its gui extension embeds.
 */
class StatusView final : public juce::Component,
                         private juce::Timer
{
public:
    static constexpr int defaultWidth = 640, defaultHeight = 200;

    /** statusText is asked again every second, so a failure in process shows up there. */
    StatusView (std::function<juce::String()> statusText, const juce::String& editorProblem = {});
    void paint (juce::Graphics& g) override;
    void resized() override;

    /** How Java runs in this process and what went wrong for this instance, if anything: the text
        every front shows in its status view. */
    static juce::String describeJava (const juce::String& instanceProblem);

private:
    void timerCallback() override;

    std::function<juce::String()> statusText;
    juce::Label status;
    juce::String editorProblem;   // why the drawn editor is not shown, if it was tried
};
} // namespace foldback
