#include "JavaRuntime.h"

#include "ClassArchive.h"
#include "HeapTouch.h"
#include "JniText.h"
#include "JvmLocator.h"
#include "Log.h"

#include <dlfcn.h>

namespace foldback
{
namespace
{
using CreateJavaVM = jint (*) (JavaVM**, void**, void*);
using GetCreatedJavaVMs = jint (*) (JavaVM**, jsize, jsize*);

/** Options for a JVM that lives inside someone else's process (then ClassArchive's, then the user's). */
juce::StringArray jvmOptions()
{
    juce::StringArray options;
    // Leave SIGHUP, SIGINT, SIGTERM and SIGQUIT to the host: it owns the process.
    options.add ("-Xrs");
    // A fixed heap, touched right after start (touchJavaHeapInBackground, HeapTouch.h, not
    // -XX:+AlwaysPreTouch, which held up the first instance): the process's memory is flat from
    // then on (a heap free to grow from 16 to 192 MB did grow, by ~1 MB per instance created,
    // until ZGC chose to collect). 128 MB holds 16 instances (each keeps ~4.7 MB, mostly loudness
    // histograms) with room to spare. Why this size: native/tests/VALIDATION.md, "Memory".
    options.add ("-Xms128m");
    options.add ("-Xmx128m");
    // A collector whose pauses stay well under a millisecond.
    options.add ("-XX:+UseZGC");
    // Crash reports go to our state directory, never into the host's working directory.
    options.add ("-XX:ErrorFile=" + stateDirectory().getChildFile ("hs_err_pid%p.log").getFullPathName());
    // No hsperfdata files in /tmp for every host process.
    options.add ("-XX:-UsePerfData");
    options.add ("-Djava.awt.headless=true");
    // JNA's library search path, set so that JNA does not run `ldconfig -p` in a child process to
    // find it (32-88 ms of every first instance, PERFORMANCE.md "Session 7"): every library we
    // load through JNA is opened by its path (the plugin binary) or is the process itself; these
    // are the folders JNA looks in first anyway.
    options.add ("-Djna.platform.library.path=/usr/lib/x86_64-linux-gnu:/lib/x86_64-linux-gnu:/usr/lib:/lib");
    // JNA loads its library with System.load, which JDK 22 and later call a restricted method:
    // without this, JDK 25 prints four lines of WARNING on the host's standard error at every
    // start. JDK 17 knows the option too (JEP 412) and is otherwise unchanged by it.
    options.add ("--enable-native-access=ALL-UNNAMED");
    // What the Java side needs (defined there, generated into Boundary.h): access to the JDK's
    // constant-pool reader, so C2's first compilations never intern strings on the audio thread.
    for (auto* option : contract::jvmOptions)
        options.add (option);
    return options;
}

/** Users and tests may add options (another collector, a bigger heap, a debugger): last, so they win. */
juce::StringArray userJvmOptions()
{
    juce::StringArray options;
    options.addTokens (juce::SystemStats::getEnvironmentVariable ("FOLDBACK_JVM_OPTIONS", {}), " ", "\"");
    options.removeEmptyStrings();
    return options;
}

/** Detaches threads we attached when they end, so hosts that recycle threads leak nothing. */
struct ThreadAttachment
{
    JavaVM* vm = nullptr;
    JNIEnv* env = nullptr;
    bool attachedByUs = false;

    // Set in place: a temporary ThreadAttachment would detach the thread in its destructor.
    void remember (JavaVM* v, JNIEnv* e, bool ours)
    {
        vm = v;
        env = e;
        attachedByUs = ours;
    }

    ~ThreadAttachment()
    {
        if (attachedByUs && vm != nullptr)
            vm->DetachCurrentThread();
    }
};

thread_local ThreadAttachment attachment;
} // namespace

JavaRuntime& JavaRuntime::instance()
{
    // Intentionally leaked: the JVM cannot be unloaded, and instances may outlive static destruction.
    static auto* runtime = new JavaRuntime();
    return *runtime;
}

bool JavaRuntime::start()
{
    const std::lock_guard<std::mutex> lock (mutex);
    if (! attempted)
    {
        attempted = true;
        logLine ("Foldback " JucePlugin_VersionString ", loaded from " + ownBinaryDirectory().getFullPathName());
        auto t0 = juce::Time::getMillisecondCounterHiRes();
        bool ok = startLocked();
        startMillis = juce::Time::getMillisecondCounterHiRes() - t0;
        if (ok)
        {
            ready.store (true, std::memory_order_release);
            logLine ("Java ready: " + origin + ", " + juce::String (startMillis, 1) + " ms");
        }
        else
        {
            logLine ("Java unavailable, Foldback passes audio through: " + reason);
        }
    }
    return isReady();
}

juce::String JavaRuntime::failureReason() const
{
    const std::lock_guard<std::mutex> lock (mutex);
    return reason;
}

juce::String JavaRuntime::summary() const
{
    const std::lock_guard<std::mutex> lock (mutex);
    return isReady() ? origin + " (started in " + juce::String (startMillis, 1) + " ms)" : reason;
}

bool JavaRuntime::fail (const juce::String& why)
{
    reason = why;
    return false;
}

bool JavaRuntime::startLocked()
{
    juce::StringArray triedJars;
    auto jar = locateJar (triedJars);
    if (jar == juce::File())
        return fail ("foldback.jar not found (looked at: " + triedJars.joinIntoString (", ") + ")");

    if (! createOrReuseVm (jar))
        return false;

    auto* e = env();
    if (e == nullptr)
        return fail ("could not attach to the JVM");

    return loadBridge (e, jar);
}

bool JavaRuntime::createOrReuseVm (const juce::File& jar)
{
    // A JVM may already run in this process: reuse it, there can be only one.
    if (auto getCreated = reinterpret_cast<GetCreatedJavaVMs> (dlsym (RTLD_DEFAULT, "JNI_GetCreatedJavaVMs")))
    {
        JavaVM* existing = nullptr;
        jsize count = 0;
        if (getCreated (&existing, 1, &count) == JNI_OK && count > 0)
        {
            vm = existing;
            origin = "reused the JVM already running in this process";
            return true;
        }
    }

    juce::StringArray tried;
    auto location = locateJvm (ownBinaryDirectory(), tried);
    if (location.libjvm == juce::File())
        return fail ("no Java runtime found (looked at: " + tried.joinIntoString ("; ")
                     + "). Install Java 17 or newer, or set FOLDBACK_JAVA_HOME.");

    auto* lib = dlopen (location.libjvm.getFullPathName().toRawUTF8(), RTLD_NOW | RTLD_GLOBAL);
    if (lib == nullptr)
        return fail ("could not load " + location.libjvm.getFullPathName() + ": " + juce::String (dlerror()));

    auto create = reinterpret_cast<CreateJavaVM> (dlsym (lib, "JNI_CreateJavaVM"));
    if (create == nullptr)
        return fail (location.libjvm.getFullPathName() + " has no JNI_CreateJavaVM");

    auto javaHome = location.libjvm.getParentDirectory().getParentDirectory().getParentDirectory();   // lib/server/libjvm.so
    ClassArchive archive (jar, javaHome, userJvmOptions());
    auto strings = jvmOptions();
    strings.addArray (archive.jvmOptions());
    strings.addArray (userJvmOptions());
    std::vector<JavaVMOption> options (static_cast<size_t> (strings.size()));
    for (int i = 0; i < strings.size(); ++i)
        options[static_cast<size_t> (i)].optionString = const_cast<char*> (strings[i].toRawUTF8());

    JavaVMInitArgs args {};
    args.version = JNI_VERSION_10;
    args.nOptions = static_cast<jint> (options.size());
    args.options = options.data();
    args.ignoreUnrecognized = JNI_FALSE;

    JNIEnv* e = nullptr;
    auto rc = create (&vm, reinterpret_cast<void**> (&e), &args);
    if (rc != JNI_OK)
        return fail ("JNI_CreateJavaVM failed with code " + juce::String (rc) + " for " + location.libjvm.getFullPathName()
                     + " with options " + strings.joinIntoString (" "));

    // The creating thread is attached by JNI itself; it stays attached for the process's life.
    attachment.remember (vm, e, false);
    touchJavaHeapInBackground();
    archive.afterStart();
    origin = "started " + location.libjvm.getFullPathName() + " (found via " + location.source + ")";
    return true;
}

JNIEnv* JavaRuntime::env()
{
    if (attachment.env != nullptr)
        return attachment.env;
    if (vm == nullptr)
        return nullptr;

    JNIEnv* e = nullptr;
    if (vm->GetEnv (reinterpret_cast<void**> (&e), JNI_VERSION_10) == JNI_OK)
    {
        attachment.remember (vm, e, false);   // someone else attached this thread; they detach it
        return e;
    }

    JavaVMAttachArgs args { JNI_VERSION_10, const_cast<char*> ("foldback-host-thread"), nullptr };
    if (vm->AttachCurrentThreadAsDaemon (reinterpret_cast<void**> (&e), &args) != JNI_OK)
        return nullptr;
    attachment.remember (vm, e, true);
    return e;
}

juce::String JavaRuntime::lookUpMethods (JNIEnv* e, jclass cls, std::initializer_list<MethodSpec> methods)
{
    for (auto& spec : methods)
    {
        auto& m = spec.method;
        *spec.id = m.isStatic ? e->GetStaticMethodID (cls, m.name, m.signature) : e->GetMethodID (cls, m.name, m.signature);
        if (*spec.id == nullptr)
        {
            takeException (e);
            return juce::String (m.name) + m.signature;
        }
    }
    return {};
}

juce::String JavaRuntime::takeException (JNIEnv* e)
{
    if (! e->ExceptionCheck())
        return {};

    auto* throwable = e->ExceptionOccurred();
    e->ExceptionClear();
    juce::String text ("unknown Java exception");
    if (auto* cls = e->FindClass ("java/lang/Throwable"))
    {
        auto toString = e->GetMethodID (cls, "toString", "()Ljava/lang/String;");
        auto* s = e->CallObjectMethod (throwable, toString);
        if (s != nullptr && ! e->ExceptionCheck())
            text = JniText::takeFromJava (e, s);
        e->DeleteLocalRef (cls);
    }
    e->ExceptionClear();
    e->DeleteLocalRef (throwable);
    return text;
}

bool JavaRuntime::loadBridge (JNIEnv* e, const juce::File& jar)
{
    // new URLClassLoader(new URL[] { new File(jar).toURI().toURL() }, ClassLoader.getSystemClassLoader())
    e->PushLocalFrame (32);
    auto* fileClass = e->FindClass ("java/io/File");
    auto* file = e->NewObject (fileClass, e->GetMethodID (fileClass, "<init>", "(Ljava/lang/String;)V"),
                               JniText::toJava (e, jar.getFullPathName()));
    auto* uri = e->CallObjectMethod (file, e->GetMethodID (fileClass, "toURI", "()Ljava/net/URI;"));
    auto* uriClass = e->FindClass ("java/net/URI");
    auto* url = e->CallObjectMethod (uri, e->GetMethodID (uriClass, "toURL", "()Ljava/net/URL;"));
    auto* urlClass = e->FindClass ("java/net/URL");
    auto* urls = e->NewObjectArray (1, urlClass, url);
    auto* loaderBase = e->FindClass ("java/lang/ClassLoader");
    auto* systemLoader = e->CallStaticObjectMethod (loaderBase,
        e->GetStaticMethodID (loaderBase, "getSystemClassLoader", "()Ljava/lang/ClassLoader;"));
    auto* loaderClass = e->FindClass ("java/net/URLClassLoader");
    auto* loader = e->NewObject (loaderClass,
        e->GetMethodID (loaderClass, "<init>", "([Ljava/net/URL;Ljava/lang/ClassLoader;)V"), urls, systemLoader);

    jobject cls = nullptr;
    if (loader != nullptr && ! e->ExceptionCheck())
        cls = e->CallObjectMethod (loader, e->GetMethodID (loaderClass, "loadClass", "(Ljava/lang/String;)Ljava/lang/Class;"),
                                   JniText::toJava (e, contract::jni::processorClass));

    if (auto problem = takeException (e); problem.isNotEmpty() || cls == nullptr)
    {
        e->PopLocalFrame (nullptr);
        return fail ("could not load " + juce::String (contract::jni::processorClass) + " from " + jar.getFullPathName() + ": " + problem);
    }

    bridgeClass = static_cast<jclass> (e->NewGlobalRef (cls));
    e->PopLocalFrame (nullptr);

    // The jar must have been built with the same boundary contract as this binary: its tables
    // (parameters, buses, change buffer, JNI entries) are compiled into both sides.
    jmethodID fingerprintMethod = nullptr;
    if (auto missing = lookUpMethods (e, bridgeClass, { { &fingerprintMethod, contract::jni::processor::boundaryFingerprint } });
        missing.isNotEmpty())
        return fail (jar.getFullPathName() + " is from another version of Foldback (no " + missing + ")");
    auto fingerprint = static_cast<unsigned long long> (e->CallStaticLongMethod (bridgeClass, fingerprintMethod));
    if (auto problem = takeException (e); problem.isNotEmpty())
        return fail ("the Java bridge failed to start: " + problem);
    if (fingerprint != contract::fingerprint)
        return fail (jar.getFullPathName() + " was built with another boundary contract than this plugin binary (fingerprint "
                     + juce::String::toHexString ((juce::int64) fingerprint) + ", expected "
                     + juce::String::toHexString ((juce::int64) contract::fingerprint) + "): install the jar and the plugin together");
    origin += ", jar " + jar.getFullPathName();
    return true;
}
} // namespace foldback
