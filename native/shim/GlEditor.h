#pragma once

#include "GlView.h"

#include <juce_audio_processors/juce_audio_processors.h>

#include <memory>

namespace foldback
{
class FoldbackProcessor;
class JavaProcessor;

/**
 * The JUCE formats' editor (VST3, LV2, Standalone): the host's editor window around the GlView
 * Java draws into, with the editor's size limits (contract::editor) so hosts resize it within them.
 */
class GlEditor final : public juce::AudioProcessorEditor
{
public:
    /**
     * The GL editor, or nullptr (with the reason in whyNot) when Java has no editor to offer;
     * the caller then shows the StatusEditor. FOLDBACK_EDITOR=status asks for that plain editor.
     */
    static juce::AudioProcessorEditor* create (FoldbackProcessor& processor, JavaProcessor* java, juce::String& whyNot);

    void resized() override;

private:
    GlEditor (FoldbackProcessor& processor, std::unique_ptr<GlView> view);

    std::unique_ptr<GlView> view;

    JUCE_DECLARE_NON_COPYABLE_WITH_LEAK_DETECTOR (GlEditor)
};
} // namespace foldback
