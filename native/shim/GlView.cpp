#include "GlView.h"

#include "Boundary.h"
#include "JavaProcessor.h"
#include "JavaRuntime.h"
#include "JniText.h"
#include "Log.h"

namespace foldback
{
namespace
{
// Event codes and sizes are org.foldback.control.EditorView's, generated into Boundary.h.
namespace codes = contract::editor;

} // namespace

std::unique_ptr<GlView> GlView::create (JavaProcessor* java, juce::String& whyNot, std::function<juce::String()> statusText)
{
    if (juce::SystemStats::getEnvironmentVariable ("FOLDBACK_EDITOR", {}) == "status")
    {
        whyNot = "FOLDBACK_EDITOR=status asks for the plain editor";
        logLine ("editor: showing the plain editor: " + whyNot);
        return nullptr;
    }
    auto& runtime = JavaRuntime::instance();
    auto* e = runtime.env();
    if (java == nullptr || ! java->isAlive() || e == nullptr)
    {
        whyNot = "Java is not running";
        return nullptr;
    }

    e->PushLocalFrame (16);
    jobject global = nullptr;
    Methods m;
    auto openEditor = e->GetMethodID (runtime.processorClass(), contract::jni::processor::openEditor.name,
                                      contract::jni::processor::openEditor.signature);
    auto* local = openEditor == nullptr ? nullptr : e->CallObjectMethod (java->javaObject(), openEditor);
    whyNot = JavaRuntime::takeException (e);
    if (whyNot.isEmpty() && local == nullptr)
        whyNot = "foldback.jar has no editor (NativeProcessor.openEditor)";
    if (whyNot.isEmpty())
    {
        auto cls = e->GetObjectClass (local);
        namespace entry = contract::jni::editorView;
        auto missing = JavaRuntime::lookUpMethods (e, cls, {
            { &m.glOpen, entry::glOpen },
            { &m.render, entry::render },
            { &m.glClose, entry::glClose },
            { &m.resized, entry::resized },
            { &m.mouse, entry::mouse },
            { &m.key, entry::key },
            { &m.close, entry::close },
        });
        if (missing.isNotEmpty())
            whyNot = "the editor in foldback.jar lacks " + missing;
        if (whyNot.isEmpty())
            global = e->NewGlobalRef (local);
    }
    e->PopLocalFrame (nullptr);

    if (global == nullptr)
    {
        logLine ("editor: showing the plain editor: " + whyNot);
        return nullptr;
    }
    return std::unique_ptr<GlView> (new GlView (global, m, std::move (statusText)));
}

GlView::GlView (jobject v, const Methods& m, std::function<juce::String()> status)
    : view (v), methods (m), statusText (std::move (status))
{
    setOpaque (true);
    setWantsKeyboardFocus (true);
    setSize (codes::DEFAULT_WIDTH, codes::DEFAULT_HEIGHT);

    // NanoVG wants a stencil buffer. The context is JUCE's default (compatibility profile, the
    // newest the driver has): asking for a core profile the driver lacks raises an X error that
    // ends the host's process. Java picks NanoVG's GL3 or GL2 back end from what it gets. Java
    // draws everything, so JUCE paints nothing into the context and repaints when the timer asks.
    juce::OpenGLPixelFormat format;
    format.stencilBufferBits = 8;
    context.setPixelFormat (format);
    context.setComponentPaintingEnabled (false);
    context.setContinuousRepainting (false);
    context.setRenderer (this);
    context.attachTo (*this);
    startTimerHz (60);
}

GlView::~GlView()
{
    stopTimer();
    context.detach();   // runs openGLContextClosing on the GL thread, which lets Java free its GL objects
    if (auto* e = JavaRuntime::instance().env())
    {
        auto line = JniText::takeFromJava (e, e->CallObjectMethod (view, methods.close));
        if (auto problem = JavaRuntime::takeException (e); problem.isNotEmpty())
            line = "editor: close failed: " + problem;
        logLine (line);
        e->DeleteGlobalRef (view);
    }
}

//== GL thread (openGLContextClosing: the thread that detaches) ======================================

void GlView::newOpenGLContextCreated()
{
    auto* e = JavaRuntime::instance().env();   // attaches JUCE's GL thread to the JVM
    if (e == nullptr)
        return failOnGlThread ("the OpenGL thread could not attach to Java");
    auto why = JniText::takeFromJava (e, e->CallObjectMethod (view, methods.glOpen));
    if (auto problem = JavaRuntime::takeException (e); problem.isNotEmpty())
        why = problem;
    if (why.isNotEmpty())
        return failOnGlThread (why);
    logLine ("editor: OpenGL " + juce::String (reinterpret_cast<const char*> (juce::gl::glGetString (juce::gl::GL_VERSION)))
             + ", scale " + juce::String (context.getRenderingScale()));
    javaReady.store (true);
}

void GlView::renderOpenGL()
{
    if (! javaReady.load() || glFailed.load())
        return;
    auto* e = JavaRuntime::instance().env();
    // The surface's size in pixels is the viewport JUCE set for this frame. getRenderingScale()
    // alone misses a scale the host applies to the editor (VST3 setContentScaleFactor on Linux
    // becomes a component transform), so the scale Java draws with is worked out from the two.
    GLint viewport[4] = {};
    juce::gl::glGetIntegerv (juce::gl::GL_VIEWPORT, viewport);
    const int points = widthPoints.load();
    const int w = viewport[2] > 0 ? viewport[2] : juce::roundToInt (context.getRenderingScale() * points);
    const int h = viewport[3] > 0 ? viewport[3] : juce::roundToInt (context.getRenderingScale() * heightPoints.load());
    const auto scale = points > 0 ? (float) w / (float) points : 1.0f;
    if (e == nullptr || w <= 0 || h <= 0)
        return;
    e->CallVoidMethod (view, methods.render, (jint) w, (jint) h, (jfloat) scale);
    if (auto problem = JavaRuntime::takeException (e); problem.isNotEmpty())
        failOnGlThread ("drawing failed: " + problem);
}

void GlView::openGLContextClosing()
{
    // JUCE 7 calls this on whichever thread detaches the context (the message thread when the
    // editor closes), with the context made current there: not necessarily the GL thread.
    if (! javaReady.exchange (false))
        return;
    if (auto* e = JavaRuntime::instance().env())
    {
        e->CallVoidMethod (view, methods.glClose);
        if (auto problem = JavaRuntime::takeException (e); problem.isNotEmpty())
            logLine ("editor: freeing the GL resources failed: " + problem);
    }
}

void GlView::failOnGlThread (const juce::String& why)
{
    {
        std::lock_guard<std::mutex> lock (failureMutex);
        failure = why;
    }
    glFailed.store (true);   // the timer, on the message thread, takes it from here
}

//== Message thread ==================================================================================

void GlView::timerCallback()
{
    if (glFailed.load() && ! showingFailure)
    {
        showingFailure = true;
        stopTimer();
        context.detach();
        {
            std::lock_guard<std::mutex> lock (failureMutex);
            logLine ("editor: showing the plain message: " + failure);
        }
        repaint();
        return;
    }
    context.triggerRepaint();
}

void GlView::paint (juce::Graphics& g)
{
    // Only seen without a working GL context: JUCE paints nothing into the context otherwise.
    g.fillAll (juce::Colour (0xff1e2227));
    juce::String text;
    {
        std::lock_guard<std::mutex> lock (failureMutex);
        text = failure;
    }
    g.setColour (juce::Colours::white);
    g.drawFittedText ("The Foldback editor cannot draw here: " + text + "\n\n" + statusText(),
                      getLocalBounds().reduced (16), juce::Justification::topLeft, 20);
}

void GlView::resized()
{
    widthPoints.store (getWidth());
    heightPoints.store (getHeight());
    if (auto* e = JavaRuntime::instance().env())
    {
        e->CallVoidMethod (view, methods.resized, (jint) getWidth(), (jint) getHeight());
        JavaRuntime::takeException (e);
    }
}

int GlView::modifiersOf (const juce::ModifierKeys& mods)
{
    return (mods.isShiftDown() ? codes::MOD_SHIFT : 0) | (mods.isCtrlDown() ? codes::MOD_CTRL : 0)
         | (mods.isAltDown() ? codes::MOD_ALT : 0);
}

void GlView::sendMouse (int kind, const juce::MouseEvent& event, float wheel)
{
    if (auto* e = JavaRuntime::instance().env())
    {
        e->CallVoidMethod (view, methods.mouse, (jint) kind, (jfloat) event.position.x, (jfloat) event.position.y,
                           (jint) modifiersOf (event.mods), (jfloat) wheel);
        if (auto problem = JavaRuntime::takeException (e); problem.isNotEmpty())
            logLine ("editor: input failed: " + problem);
    }
}

void GlView::mouseDown (const juce::MouseEvent& e)        { grabKeyboardFocus(); sendMouse (codes::MOUSE_DOWN, e, 0.0f); }
void GlView::mouseDrag (const juce::MouseEvent& e)        { sendMouse (codes::MOUSE_DRAG, e, 0.0f); }
void GlView::mouseUp (const juce::MouseEvent& e)          { sendMouse (codes::MOUSE_UP, e, 0.0f); }
void GlView::mouseDoubleClick (const juce::MouseEvent& e) { sendMouse (codes::MOUSE_DOUBLE_CLICK, e, 0.0f); }

void GlView::mouseWheelMove (const juce::MouseEvent& e, const juce::MouseWheelDetails& wheel)
{
    sendMouse (codes::MOUSE_WHEEL, e, wheel.isReversed ? -wheel.deltaY : wheel.deltaY);
}

bool GlView::keyPressed (const juce::KeyPress& key)
{
    // Keys with a meaning of their own become EditorView codes; every other key goes with the
    // text it types (a code point), which the cue name field takes. Java says whether it used the
    // key: unused keys go back to the host, whose shortcuts they may be.
    static const std::pair<int, int> named[] = {
        { juce::KeyPress::upKey, codes::KEY_UP }, { juce::KeyPress::downKey, codes::KEY_DOWN },
        { juce::KeyPress::leftKey, codes::KEY_LEFT }, { juce::KeyPress::rightKey, codes::KEY_RIGHT },
        { juce::KeyPress::returnKey, codes::KEY_RETURN }, { juce::KeyPress::escapeKey, codes::KEY_ESCAPE },
        { juce::KeyPress::backspaceKey, codes::KEY_BACKSPACE }, { juce::KeyPress::deleteKey, codes::KEY_DELETE },
        { juce::KeyPress::homeKey, codes::KEY_HOME }, { juce::KeyPress::endKey, codes::KEY_END },
    };
    int code = 0;
    for (auto [juceKey, ours] : named)
        if (key.getKeyCode() == juceKey)
            code = ours;
    const auto character = code == 0 ? (jint) key.getTextCharacter() : 0;
    auto* e = JavaRuntime::instance().env();
    if ((code == 0 && character == 0) || e == nullptr)
        return false;
    const bool used = e->CallBooleanMethod (view, methods.key, (jint) code, (jint) modifiersOf (key.getModifiers()),
                                            character);
    if (auto problem = JavaRuntime::takeException (e); problem.isNotEmpty())
        logLine ("editor: key failed: " + problem);
    return used;
}
} // namespace foldback
