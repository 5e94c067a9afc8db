#include "GlEditor.h"

#include "PluginProcessor.h"

namespace foldback
{
namespace codes = contract::editor;

juce::AudioProcessorEditor* GlEditor::create (FoldbackProcessor& processor, JavaProcessor* java, juce::String& whyNot)
{
    // The processor outlives its editor, so the view may ask it for the status text.
    auto view = GlView::create (java, whyNot, [&processor] { return processor.statusText(); });
    return view == nullptr ? nullptr : new GlEditor (processor, std::move (view));
}

GlEditor::GlEditor (FoldbackProcessor& p, std::unique_ptr<GlView> v)
    : AudioProcessorEditor (p), view (std::move (v))
{
    setOpaque (true);
    addAndMakeVisible (*view);
    setResizable (true, true);
    setResizeLimits (codes::MIN_WIDTH, codes::MIN_HEIGHT, codes::MAX_WIDTH, codes::MAX_HEIGHT);
    setSize (codes::DEFAULT_WIDTH, codes::DEFAULT_HEIGHT);
}

void GlEditor::resized()
{
    view->setBounds (getLocalBounds());
}
} // namespace foldback
