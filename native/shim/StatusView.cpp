#include "StatusView.h"

#include "JavaRuntime.h"
#include "Log.h"

namespace foldback
{
StatusView::StatusView (std::function<juce::String()> text, const juce::String& problem)
    : statusText (std::move (text)), editorProblem (problem)
{
    setOpaque (true);
    status.setJustificationType (juce::Justification::topLeft);
    timerCallback();
    addAndMakeVisible (status);
    setSize (defaultWidth, defaultHeight);
    startTimerHz (1);   // a failure in process shows up here within a second
}

void StatusView::paint (juce::Graphics& g)
{
    g.fillAll (juce::Colour (0xff1e2227));
}

void StatusView::resized()
{
    status.setBounds (getLocalBounds().reduced (16));
}

void StatusView::timerCallback()
{
    auto text = statusText();
    if (editorProblem.isNotEmpty())
        text << "Editor: " << editorProblem << "\n";
    status.setText (text, juce::dontSendNotification);
}

juce::String StatusView::describeJava (const juce::String& instanceProblem)
{
    auto& runtime = JavaRuntime::instance();
    juce::String text ("Foldback " JucePlugin_VersionString "\n");
    if (runtime.isReady())
        text << "Java: " << runtime.summary() << "\n";
    else
        text << "Java is not running, audio passes through (main input to cue 1).\nReason: "
             << runtime.failureReason() << "\n";
    if (instanceProblem.isNotEmpty())
        text << "This instance: " << instanceProblem << "\n";
    text << "Log: " << logFile().getFullPathName();
    return text;
}
} // namespace foldback
