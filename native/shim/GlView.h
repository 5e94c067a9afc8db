#pragma once

#include <jni.h>
#include <juce_opengl/juce_opengl.h>

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>

namespace foldback
{
class JavaProcessor;

/**
 * The editor's view drawn by Java (org.foldback.ui.FoldbackEditor, through org.foldback.control.EditorView)
 * with LWJGL into an OpenGL context that JUCE owns and attaches to this component.
 *
 * Threads: JUCE's GL thread calls renderOpenGL, which calls Java's render (the thread is attached
 * to the JVM on first use). Mouse and key events arrive on the message thread and go to Java
 * there, so Java's edits reach the host as gestures on the thread hosts expect.
 *
 * If Java cannot draw (OpenGL older than 2.0, LWJGL failed, Java threw), the context is detached and
 * the component paints the reason with plain JUCE graphics instead: never a crash.
 *
 * A plain component, so that every plugin front hosts the same view: the JUCE formats inside their
 * AudioProcessorEditor (GlEditor), the CLAP in the window its gui extension embeds
 * (native/clap/ClapGui.cpp). Its size is in the editor's points (contract::editor); a host's scale
 * is a transform on it or on a parent.
 */
class GlView final : public juce::Component,
                     private juce::OpenGLRenderer,
                     private juce::Timer
{
public:
    /**
     * The GL view, or nullptr (with the reason in whyNot) when Java has no editor to offer; the
     * caller then shows the plain status view. FOLDBACK_EDITOR=status asks for that plain view.
     * statusText says how Java runs, for the message painted if drawing fails later.
     */
    static std::unique_ptr<GlView> create (JavaProcessor* java, juce::String& whyNot, std::function<juce::String()> statusText);
    ~GlView() override;

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

    GlView (jobject view, const Methods& methods, std::function<juce::String()> statusText);

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
    std::function<juce::String()> statusText;

    std::atomic<int> widthPoints { 0 }, heightPoints { 0 };
    std::atomic<bool> javaReady { false };
    std::atomic<bool> glFailed { false };
    std::mutex failureMutex;
    juce::String failure;
    bool showingFailure = false;

    JUCE_DECLARE_NON_COPYABLE_WITH_LEAK_DETECTOR (GlView)
};
} // namespace foldback
