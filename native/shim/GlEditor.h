#pragma once

#include <jni.h>
#include <juce_audio_processors/juce_audio_processors.h>
#include <juce_opengl/juce_opengl.h>

#include <atomic>
#include <mutex>

namespace foldback
{
class FoldbackProcessor;
class JavaProcessor;

/**
 * The editor drawn by Java (org.foldback.ui.FoldbackEditor, through org.foldback.control.EditorView)
 * with LWJGL into an OpenGL context that JUCE owns and attaches to this component.
 *
 * Threads: JUCE's GL thread calls renderOpenGL, which calls Java's render (the thread is attached
 * to the JVM on first use). Mouse and key events arrive on the message thread and go to Java
 * there, so Java's edits reach the host as gestures on the thread hosts expect.
 *
 * If Java cannot draw (OpenGL older than 2.0, LWJGL failed, Java threw), the context is detached and
 * the component paints the reason with plain JUCE graphics instead: never a crash.
 */
class GlEditor final : public juce::AudioProcessorEditor,
                       private juce::OpenGLRenderer,
                       private juce::Timer
{
public:
    /**
     * The GL editor, or nullptr (with the reason in whyNot) when Java has no editor to offer;
     * the caller then shows the StatusEditor. FOLDBACK_EDITOR=status asks for that plain editor.
     */
    static juce::AudioProcessorEditor* create (FoldbackProcessor& processor, JavaProcessor* java, juce::String& whyNot);
    ~GlEditor() override;

    void paint (juce::Graphics& g) override;
    void resized() override;
    void mouseDown (const juce::MouseEvent& e) override;
    void mouseDrag (const juce::MouseEvent& e) override;
    void mouseUp (const juce::MouseEvent& e) override;
    void mouseDoubleClick (const juce::MouseEvent& e) override;
    void mouseWheelMove (const juce::MouseEvent& e, const juce::MouseWheelDetails& wheel) override;
    bool keyPressed (const juce::KeyPress& key) override;

private:
    struct Methods
    {
        jmethodID glOpen = nullptr, render = nullptr, glClose = nullptr, resized = nullptr,
                  mouse = nullptr, key = nullptr, close = nullptr;
    };

    GlEditor (FoldbackProcessor& processor, jobject view, const Methods& methods);

    void newOpenGLContextCreated() override;
    void renderOpenGL() override;
    void openGLContextClosing() override;
    void timerCallback() override;

    void sendMouse (int kind, const juce::MouseEvent& e, float wheel);
    void failOnGlThread (const juce::String& why);
    static int modifiersOf (const juce::ModifierKeys& mods);

    juce::OpenGLContext context;
    jobject view;   // global reference to the Java EditorView
    Methods methods;

    std::atomic<int> widthPoints { 0 }, heightPoints { 0 };
    std::atomic<bool> javaReady { false };
    std::atomic<bool> glFailed { false };
    std::mutex failureMutex;
    juce::String failure;
    bool showingFailure = false;

    JUCE_DECLARE_NON_COPYABLE_WITH_LEAK_DETECTOR (GlEditor)
};
} // namespace foldback
