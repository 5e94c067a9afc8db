/*
 * Which code allocates on a thread that must not: a JVMTI agent that samples every allocation
 * (SetHeapSamplingInterval(0)) and prints those whose Java stack has a frame matching a pattern,
 * with the stack. Interned strings are kept and printed at exit (their bytes are not yet written
 * when the allocation is reported). Found the audio thread's allocations of 2026-12-02 (strings
 * C2 interned on the thread asking for a compilation, a static initialiser, the editor's boxed
 * calibration): native/tests/VALIDATION.md, "Found and fixed".
 *
 * Build: gcc -shared -fPIC -O1 -I$JAVA_HOME/include -I$JAVA_HOME/include/linux alloc_agent.c -o liballoc_agent.so
 * Use:   java -agentpath:/path/liballoc_agent.so=NativeProcessor;.process ...
 *        (in a plugin: FOLDBACK_JVM_OPTIONS=-agentpath:...=EditorRenderer;.draw)
 *        PATTERN!EXCLUDE skips allocations with a frame matching EXCLUDE anywhere in the stack
 *        (e.g. "NativeProcessor;.process!JitWarmup": the audio thread's, not the warm-up's);
 *        a trailing @SECONDS starts sampling only that long after the JVM started (a plugin's
 *        warm-up runs millions of allocations through the Vector API's fallbacks: sampling each
 *        of those slows it down by minutes).
 * The pattern is matched against "Lpackage/Class;.method" of every frame (up to 256 deep; the
 * first 40 are printed). Sampling every
 * allocation slows the JVM several times: a diagnostic, not a measurement. HotSpot applies the
 * interval from a thread's next allocation buffer on, so a thread's first few kilobytes can go
 * unseen (a loop of 200,000 int[8] showed 195,147); warm up before the part you look at.
 */
#include <jvmti.h>
#include <stdio.h>
#include <string.h>
#include <stdlib.h>
#include <unistd.h>

enum { MAX_FRAMES = 256, PRINTED_FRAMES = 40, MAX_KEPT = 4000 };
static char pattern[256];
static char exclude[256];
static int delaySeconds;
static jobject kept[MAX_KEPT];
static int keptCount;

static void JNICALL onAlloc (jvmtiEnv* j, JNIEnv* env, jthread thread, jobject object, jclass klass, jlong size)
{
    jvmtiFrameInfo frames[MAX_FRAMES];
    jint n = 0;
    if ((*j)->GetStackTrace (j, thread, 0, MAX_FRAMES, frames, &n) != JVMTI_ERROR_NONE)
        return;
    char names[PRINTED_FRAMES][300];
    char name[300];
    int matches = 0;
    for (int i = 0; i < n; i++)
    {
        jclass declaring;
        char* cls = NULL;
        char* method = NULL;
        (*j)->GetMethodDeclaringClass (j, frames[i].method, &declaring);
        (*j)->GetClassSignature (j, declaring, &cls, NULL);
        (*j)->GetMethodName (j, frames[i].method, &method, NULL, NULL);
        jint line = -1, entries = 0;
        jvmtiLineNumberEntry* table = NULL;
        if ((*j)->GetLineNumberTable (j, frames[i].method, &entries, &table) == JVMTI_ERROR_NONE)
        {
            for (int e = 0; e < entries; e++)
                if (table[e].start_location <= frames[i].location)
                    line = table[e].line_number;
            (*j)->Deallocate (j, (unsigned char*) table);
        }
        snprintf (name, sizeof name, "%s.%s:%d", cls ? cls : "?", method ? method : "?", (int) line);
        if (i < PRINTED_FRAMES)
            memcpy (names[i], name, sizeof name);
        if (pattern[0] == 0 || strstr (name, pattern) != NULL)
            matches = 1;
        (*j)->Deallocate (j, (unsigned char*) cls);
        (*j)->Deallocate (j, (unsigned char*) method);
        if (exclude[0] != 0 && strstr (name, exclude) != NULL)
            return;
    }
    if (! matches)
        return;
    char* type = NULL;
    (*j)->GetClassSignature (j, klass, &type, NULL);
    fprintf (stderr, "ALLOC %s %lld bytes\n", type ? type : "?", (long long) size);
    if (type != NULL && strcmp (type, "Ljava/lang/String;") == 0 && keptCount < MAX_KEPT)
    {
        kept[keptCount] = (*env)->NewGlobalRef (env, object);
        fprintf (stderr, "   kept#%d\n", keptCount++);
    }
    (*j)->Deallocate (j, (unsigned char*) type);
    for (int i = 0; i < n && i < PRINTED_FRAMES; i++)
        fprintf (stderr, "    at %s\n", names[i]);
}

static void JNICALL onDeath (jvmtiEnv* j, JNIEnv* env)
{
    (void) j;
    for (int i = 0; i < keptCount; i++)
    {
        const char* text = (*env)->GetStringUTFChars (env, (jstring) kept[i], NULL);
        fprintf (stderr, "KEPT#%d \"%s\"\n", i, text ? text : "(null)");
        if (text != NULL)
            (*env)->ReleaseStringUTFChars (env, (jstring) kept[i], text);
    }
}

static void startSampling (jvmtiEnv* j)
{
    (*j)->SetEventNotificationMode (j, JVMTI_ENABLE, JVMTI_EVENT_SAMPLED_OBJECT_ALLOC, NULL);
    (*j)->SetEventNotificationMode (j, JVMTI_ENABLE, JVMTI_EVENT_VM_OBJECT_ALLOC, NULL);
    (*j)->SetHeapSamplingInterval (j, 0);
}

static void JNICALL afterDelay (jvmtiEnv* j, JNIEnv* env, void* arg)
{
    (void) env;
    (void) arg;
    sleep ((unsigned) delaySeconds);
    fprintf (stderr, "alloc_agent: sampling from now on (%d s after start)\n", delaySeconds);
    startSampling (j);
}

static void JNICALL onVmInit (jvmtiEnv* j, JNIEnv* env, jthread initial)
{
    (void) initial;
    jclass threadClass = (*env)->FindClass (env, "java/lang/Thread");
    jmethodID init = (*env)->GetMethodID (env, threadClass, "<init>", "()V");
    jobject thread = (*env)->NewObject (env, threadClass, init);
    (*j)->RunAgentThread (j, thread, afterDelay, NULL, JVMTI_THREAD_NORM_PRIORITY);
}

JNIEXPORT jint JNICALL Agent_OnLoad (JavaVM* vm, char* options, void* reserved)
{
    (void) reserved;
    if (options != NULL)
    {
        snprintf (pattern, sizeof pattern, "%s", options);
        char* at = strrchr (pattern, '@');
        if (at != NULL)
        {
            *at = 0;
            delaySeconds = atoi (at + 1);
        }
        char* bang = strchr (pattern, '!');
        if (bang != NULL)
        {
            *bang = 0;
            snprintf (exclude, sizeof exclude, "%s", bang + 1);
        }
    }
    jvmtiEnv* j = NULL;
    if ((*vm)->GetEnv (vm, (void**) &j, JVMTI_VERSION_11) != JNI_OK)
        return JNI_ERR;
    jvmtiCapabilities caps;
    memset (&caps, 0, sizeof caps);
    caps.can_generate_sampled_object_alloc_events = 1;
    caps.can_generate_vm_object_alloc_events = 1;
    caps.can_get_line_numbers = 1;
    if ((*j)->AddCapabilities (j, &caps) != JVMTI_ERROR_NONE)
        return JNI_ERR;
    jvmtiEventCallbacks callbacks;
    memset (&callbacks, 0, sizeof callbacks);
    callbacks.SampledObjectAlloc = onAlloc;
    // What the VM allocates itself, which sampling does not see: objects re-created when
    // compiled code that had scalar-replaced them is deoptimised, strings interned, JNI's.
    callbacks.VMObjectAlloc = onAlloc;
    callbacks.VMDeath = onDeath;
    callbacks.VMInit = onVmInit;
    (*j)->SetEventCallbacks (j, &callbacks, sizeof callbacks);
    (*j)->SetEventNotificationMode (j, JVMTI_ENABLE, JVMTI_EVENT_VM_DEATH, NULL);
    if (delaySeconds > 0)
        (*j)->SetEventNotificationMode (j, JVMTI_ENABLE, JVMTI_EVENT_VM_INIT, NULL);
    else
        startSampling (j);
    return JNI_OK;
}
