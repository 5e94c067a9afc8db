#pragma once

#include <juce_audio_processors/juce_audio_processors.h>

/** The host's window for a plugin editor: nothing but the editor, sized to it. The editor
    commands put it at the screen's top-left corner. */
struct HostWindow final : public juce::Component
{
    explicit HostWindow (juce::AudioProcessorEditor& e) : editor (e)
    {
        addAndMakeVisible (editor);
        setSize (editor.getWidth(), editor.getHeight());
    }

    void resized() override { editor.setBounds (getLocalBounds()); }

    juce::AudioProcessorEditor& editor;
};
