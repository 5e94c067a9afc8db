#include "StatusEditor.h"

#include "PluginProcessor.h"

namespace foldback
{
StatusEditor::StatusEditor (FoldbackProcessor& p)
    : AudioProcessorEditor (p), owner (p)
{
    status.setJustificationType (juce::Justification::topLeft);
    status.setText (owner.statusText(), juce::dontSendNotification);
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
    status.setText (owner.statusText(), juce::dontSendNotification);
}
} // namespace foldback
