#include "StatusEditor.h"

#include "PluginProcessor.h"

namespace foldback
{
StatusEditor::StatusEditor (FoldbackProcessor& p, const juce::String& problem)
    : AudioProcessorEditor (p), owner (p), editorProblem (problem)
{
    status.setJustificationType (juce::Justification::topLeft);
    timerCallback();
    addAndMakeVisible (status);
    setResizable (true, true);
    setSize (640, 200);
    startTimerHz (1);   // a failure in process shows up here within a second
}

void StatusEditor::paint (juce::Graphics& g)
{
    g.fillAll (juce::Colour (0xff1e2227));
}

void StatusEditor::resized()
{
    status.setBounds (getLocalBounds().reduced (16));
}

void StatusEditor::timerCallback()
{
    auto text = owner.statusText();
    if (editorProblem.isNotEmpty())
        text << "Editor: " << editorProblem << "\n";
    status.setText (text, juce::dontSendNotification);
}
} // namespace foldback
