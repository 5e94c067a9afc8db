#pragma once

#include <juce_gui_basics/juce_gui_basics.h>

/** What a test needs from the X server the editor is shown on (Xvfb in tests): the pixels as the
    user sees them, and real pointer input. Both go through our own X connection, below JUCE:
    the plugin's editor lives in the plugin's own X windows (embedded with XEmbed), and its OpenGL
    content never passes through JUCE's component snapshots, but the X server has it all.
    Throws HostError (plugin error) when there is no X display. */
class EditorScreen
{
public:
    EditorScreen();
    ~EditorScreen();

    /** Where the component's top-left corner is on the screen, in X pixels. */
    juce::Point<int> screenOrigin (juce::Component& component) const;

    /** The screen's pixels under the component (what a user would see there). */
    juce::Image capture (juce::Component& component) const;

    /** XTest pointer input at component-relative pixel positions. */
    void moveTo (juce::Component& component, juce::Point<int> position) const;
    void press (bool down) const;
    void wheel (bool up) const;

    /** XTest key input to whatever window has the keyboard focus: one key by its X keysym name
        ("Return", "Up", "BackSpace", "shift+Up"), or text typed character by character, with
        shift where the keymap needs it. Throws HostError (bad arguments) for a key name X does
        not know or a character the server's keymap lacks. */
    void key (const juce::String& keysymName) const;
    void type (const juce::String& text) const;

private:
    struct Display;
    std::unique_ptr<Display> display;
};
