#include "StatusEditor.h"

#include "PluginProcessor.h"

namespace foldback
{
StatusEditor::StatusEditor (FoldbackProcessor& p, const juce::String& problem)
    : AudioProcessorEditor (p), view ([&p] { return p.statusText(); }, problem)
{
    addAndMakeVisible (view);
    setResizable (true, true);
    setSize (StatusView::defaultWidth, StatusView::defaultHeight);
}

void StatusEditor::resized()
{
    view.setBounds (getLocalBounds());
}
} // namespace foldback
