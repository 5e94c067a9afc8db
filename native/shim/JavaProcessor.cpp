#include "JavaProcessor.h"

#include "JniText.h"
#include "Log.h"

#include <cmath>

namespace foldback
{
namespace
{
/** Frees JNI local references made in a scope, so message-thread calls never pile them up. */
struct LocalFrame
{
    // A push that fails (out of memory) leaves an exception pending and no frame: popping then
    // would free the caller's references.
    explicit LocalFrame (JNIEnv* e) : env (e), pushed (env->PushLocalFrame (16) == 0) {}
    ~LocalFrame() { if (pushed) env->PopLocalFrame (nullptr); }
    JNIEnv* env;
    bool pushed;
};

template <typename T>
T* directAddress (JNIEnv* e, jobject buffer)
{
    return buffer == nullptr ? nullptr : static_cast<T*> (e->GetDirectBufferAddress (buffer));
}
} // namespace

JavaProcessor::JavaProcessor (ShimInstance& shim, const juce::String& shimLibraryPath)
{
    auto& runtime = JavaRuntime::instance();
    auto* e = runtime.env();
    if (! runtime.isReady() || e == nullptr)
    {
        // The runtime has logged why already; the editor shows it too.
        reason = "Java is not running: " + runtime.failureReason();
        failed.store (true);
        return;
    }

    LocalFrame frame (e);
    auto cls = runtime.processorClass();
    // The handle is the interface's address: ShimExports.cpp casts it back to a ShimInstance.
    auto* shimHandle = &shim;
    auto ctor = e->GetMethodID (cls, contract::jni::processor::init.name, contract::jni::processor::init.signature);
    auto* local = ctor == nullptr ? nullptr
                                  : e->NewObject (cls, ctor, static_cast<jlong> (reinterpret_cast<intptr_t> (shimHandle)),
                                                  JniText::toJava (e, shimLibraryPath));
    if (auto problem = JavaRuntime::takeException (e); problem.isNotEmpty() || local == nullptr)
    {
        markFailed ("could not create the Java processor: " + problem);
        return;
    }

    if (auto missing = lookUpMethods (e); missing.isNotEmpty())
    {
        markFailed ("foldback.jar does not match this plugin binary: no method " + missing);
        return;
    }
    object = e->NewGlobalRef (local);
    auto* changes = e->CallObjectMethod (object, methods.changeBuffer);
    // The change buffer's layout is the boundary's (Boundary.CHANGE_*): indices, then values.
    auto* changeBytes = directAddress<char> (e, changes);
    if (changeBytes != nullptr && e->GetDirectBufferCapacity (changes) >= contract::changeBuffer::sizeBytes)
    {
        changedIndex = reinterpret_cast<int*> (changeBytes + contract::changeBuffer::indicesOffsetBytes);
        changedValue = reinterpret_cast<float*> (changeBytes + contract::changeBuffer::valuesOffsetBytes);
    }
    if (auto problem = JavaRuntime::takeException (e); problem.isNotEmpty() || changedIndex == nullptr)
        markFailed ("the Java processor is incomplete: " + problem);
}

JNIEnv* JavaProcessor::objectEnv()
{
    // env() is null when this thread cannot attach to the JVM (it throws OutOfMemoryError when the
    // heap is full): then every call degrades to its no-Java answer instead of crashing the host.
    return object == nullptr ? nullptr : JavaRuntime::instance().env();
}

JavaProcessor::~JavaProcessor()
{
    if (object == nullptr)
        return;
    if (auto* e = JavaRuntime::instance().env())
    {
        e->CallVoidMethod (object, methods.release);
        JavaRuntime::takeException (e);
        e->CallVoidMethod (object, methods.dispose);   // leaves the control surfaces' instance list
        JavaRuntime::takeException (e);
        e->DeleteGlobalRef (object);
    }
}

juce::String JavaProcessor::lookUpMethods (JNIEnv* e)
{
    namespace entry = contract::jni::processor;
    return JavaRuntime::lookUpMethods (e, JavaRuntime::instance().processorClass(), {
        { &methods.process, entry::process },
        { &methods.changeBuffer, entry::changeBuffer },
        { &methods.release, entry::release },
        { &methods.prepare, entry::prepare },
        { &methods.inputBuffer, entry::inputBuffer },
        { &methods.outputBuffer, entry::outputBuffer },
        { &methods.lastError, entry::lastError },
        { &methods.getState, entry::getState },
        { &methods.setState, entry::setState },
        { &methods.normalizedValues, entry::normalizedValues },
        { &methods.formatValue, entry::formatValue },
        { &methods.parseValue, entry::parseValue },
        { &methods.programNames, entry::programNames },
        { &methods.loadProgram, entry::loadProgram },
        { &methods.currentProgram, entry::currentProgram },
        { &methods.dispose, entry::dispose },
        { &methods.trackName, entry::trackName },
        { &methods.blockFigures, entry::blockFigures },
    });
}

bool JavaProcessor::markFailed (const juce::String& why)
{
    reason = why;
    failed.store (true, std::memory_order_release);
    logLine (why);
    return false;
}

juce::String JavaProcessor::failureReason() const
{
    return reason;
}

bool JavaProcessor::prepare (double sampleRate, int maxBlock, int sources, int cues, bool realtime)
{
    auto* e = objectEnv();
    if (e == nullptr)
        return false;
    LocalFrame frame (e);

    auto* error = e->CallObjectMethod (object, methods.prepare,
                                       sampleRate, maxBlock, sources, cues, (jboolean) (realtime ? JNI_TRUE : JNI_FALSE));
    auto problem = JavaRuntime::takeException (e);
    if (problem.isEmpty())
        problem = JniText::takeFromJava (e, error);
    if (problem.isNotEmpty())
        return markFailed ("Java prepare failed: " + problem);

    inputs = directAddress<float> (e, e->CallObjectMethod (object, methods.inputBuffer));
    outputs = directAddress<float> (e, e->CallObjectMethod (object, methods.outputBuffer));
    if (inputs == nullptr || outputs == nullptr)
        return markFailed ("Java prepare gave no audio buffers: " + JavaRuntime::takeException (e));

    preparedBlockSize = maxBlock;
    // A new prepare is a fresh start: an instance that failed in process gets another chance.
    processFailed.store (false);
    failed.store (false, std::memory_order_release);
    return true;
}

void JavaProcessor::release()
{
    auto* e = objectEnv();
    if (e == nullptr)
        return;
    e->CallVoidMethod (object, methods.release);
    JavaRuntime::takeException (e);
}

bool JavaProcessor::process (int numSamples, int changeCount) noexcept
{
    // env() is a thread-local read after this thread's first block.
    auto* e = JavaRuntime::instance().env();
    if (e == nullptr)
        return false;

    auto result = e->CallIntMethod (object, methods.process, numSamples, changeCount);
    if (e->ExceptionCheck())
    {
        // An Error thrown past Java's own catch (say StackOverflowError). Describing it allocates,
        // so only clear it here; the message thread logs what lastError() says.
        e->ExceptionClear();
        result = 1;
    }
    if (result != 0)
    {
        processFailed.store (true, std::memory_order_release);
        failed.store (true, std::memory_order_release);
        return false;
    }
    return true;
}

juce::String JavaProcessor::takeProcessError()
{
    if (! processFailed.exchange (false))
        return {};
    auto* e = objectEnv();
    if (e == nullptr)
        return "Java process failed";
    LocalFrame frame (e);
    auto text = JniText::takeFromJava (e, e->CallObjectMethod (object, methods.lastError));
    JavaRuntime::takeException (e);
    reason = text.isNotEmpty() ? text : juce::String ("Java process failed");
    return reason;
}

juce::MemoryBlock JavaProcessor::getState (const std::vector<float>& pending)
{
    juce::MemoryBlock block;
    auto* e = objectEnv();
    if (e == nullptr)
        return block;
    LocalFrame frame (e);
    auto* values = e->NewFloatArray (static_cast<jsize> (pending.size()));
    if (values == nullptr)
    {
        JavaRuntime::takeException (e);
        logLine ("could not save state: no memory for the parameter values");
        return block;
    }
    e->SetFloatArrayRegion (values, 0, static_cast<jsize> (pending.size()), pending.data());
    auto* bytes = static_cast<jbyteArray> (e->CallObjectMethod (object, methods.getState, values));
    if (auto problem = JavaRuntime::takeException (e); problem.isNotEmpty() || bytes == nullptr)
    {
        logLine ("could not save state: " + problem);
        return block;
    }
    block.setSize (static_cast<size_t> (e->GetArrayLength (bytes)));
    e->GetByteArrayRegion (bytes, 0, static_cast<jsize> (block.getSize()), static_cast<jbyte*> (block.getData()));
    return block;
}

juce::String JavaProcessor::setState (const void* data, int size)
{
    auto* e = objectEnv();
    if (e == nullptr)
        return "Java is not running";
    LocalFrame frame (e);
    auto* bytes = e->NewByteArray (size);
    if (bytes == nullptr)
    {
        JavaRuntime::takeException (e);
        return "state of " + juce::String (size) + " bytes is too large";
    }
    e->SetByteArrayRegion (bytes, 0, size, static_cast<const jbyte*> (data));
    auto* error = e->CallObjectMethod (object, methods.setState, bytes);
    if (auto problem = JavaRuntime::takeException (e); problem.isNotEmpty())
        return problem;
    return JniText::takeFromJava (e, error);
}

std::vector<float> JavaProcessor::normalizedValues()
{
    std::vector<float> values;
    auto* e = objectEnv();
    if (e == nullptr)
        return values;
    LocalFrame frame (e);
    auto* array = static_cast<jfloatArray> (e->CallObjectMethod (object, methods.normalizedValues));
    if (JavaRuntime::takeException (e).isEmpty() && array != nullptr)
    {
        values.resize (static_cast<size_t> (e->GetArrayLength (array)));
        e->GetFloatArrayRegion (array, 0, static_cast<jsize> (values.size()), values.data());
    }
    return values;
}

juce::String JavaProcessor::formatValue (int index, float normalized)
{
    auto* e = objectEnv();
    if (e == nullptr)
        return juce::String (normalized, 3);
    LocalFrame frame (e);
    auto text = JniText::takeFromJava (e, e->CallObjectMethod (object, methods.formatValue, index, normalized));
    JavaRuntime::takeException (e);
    return text;
}

void JavaProcessor::trackName (const juce::String& name)
{
    auto* e = objectEnv();
    if (e == nullptr)
        return;
    LocalFrame frame (e);
    // As UTF-16, not NewStringUTF: JNI's "modified UTF-8" misreads characters beyond the BMP.
    auto utf16 = name.toUTF16();
    auto length = static_cast<jsize> (juce::CharPointer_UTF16 (utf16).length());
    auto* text = name.isEmpty() ? nullptr : e->NewString (reinterpret_cast<const jchar*> (utf16.getAddress()), length);
    e->CallVoidMethod (object, methods.trackName, text);
    if (auto problem = JavaRuntime::takeException (e); problem.isNotEmpty())
        logLine ("track name: " + problem);
}

void JavaProcessor::blockFigures (uint64_t blocks, uint64_t lateBlocks, double percent, double worstMillis)
{
    auto* e = objectEnv();
    if (e == nullptr)
        return;
    LocalFrame frame (e);
    e->CallVoidMethod (object, methods.blockFigures, (jlong) blocks, (jlong) lateBlocks, (jdouble) percent, (jdouble) worstMillis);
    if (auto problem = JavaRuntime::takeException (e); problem.isNotEmpty())
        logLine ("block figures: " + problem);
}

float JavaProcessor::parseValue (int index, const juce::String& text)
{
    auto* e = objectEnv();
    if (e == nullptr)
        return text.getFloatValue();
    LocalFrame frame (e);
    auto value = e->CallFloatMethod (object, methods.parseValue, index,
                                     JniText::toJava (e, text));
    return JavaRuntime::takeException (e).isEmpty() ? value : std::nanf ("");
}

juce::StringArray JavaProcessor::programNames()
{
    auto* e = objectEnv();
    if (e == nullptr)
        return {};
    LocalFrame frame (e);
    auto names = JniText::takeFromJava (e, e->CallObjectMethod (object, methods.programNames));
    JavaRuntime::takeException (e);
    return juce::StringArray::fromLines (names.trimEnd());
}

juce::String JavaProcessor::loadProgram (int index)
{
    auto* e = objectEnv();
    if (e == nullptr)
        return "Java is not running";
    LocalFrame frame (e);
    auto* error = e->CallObjectMethod (object, methods.loadProgram, index);
    if (auto problem = JavaRuntime::takeException (e); problem.isNotEmpty())
        return problem;
    return JniText::takeFromJava (e, error);
}
int JavaProcessor::currentProgram()
{
    auto* e = objectEnv();
    if (e == nullptr)
        return 0;
    auto program = e->CallIntMethod (object, methods.currentProgram);
    return JavaRuntime::takeException (e).isEmpty() ? program : 0;
}
} // namespace foldback
