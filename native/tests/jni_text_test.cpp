// The JNI text boundary (native/shim/JniText) against a real JVM: strings holding NUL, lone and
// paired surrogates, 4-byte characters, text Java decoded from invalid UTF-8 and 1 MB lengths,
// made by the JVM itself, must reach C++ as valid, bounded text with the replacements the header
// states; C++ text must reach Java as well-formed UTF-16. Issue 19: GetStringUTFChars plus
// juce::String::fromUTF8 corrupted the heap on a NUL. Run under AddressSanitizer by asan_fuzz.sh.

#include "JniText.h"

#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

using foldback::JniText::fromJava;
using foldback::JniText::toJava;

namespace
{
int failures = 0, checks = 0;

void check (bool ok, const std::string& what)
{
    ++checks;
    if (! ok)
    {
        ++failures;
        std::printf ("FAIL: %s\n", what.c_str());
    }
}

std::vector<juce::juce_wchar> pointsOf (const juce::String& s)
{
    std::vector<juce::juce_wchar> points;
    for (auto p = s.getCharPointer(); ! p.isEmpty();)
        points.push_back (p.getAndAdvance());
    return points;
}

/** What every string from Java must be: valid UTF-8 with no NUL inside and no surrogate code point. */
void checkWellFormed (const juce::String& s, const std::string& what)
{
    const char* utf8 = s.toRawUTF8();
    const auto bytes = s.getNumBytesAsUTF8();
    check (std::strlen (utf8) == bytes, what + ": a NUL inside the C++ string");
    check (juce::CharPointer_UTF8::isValidString (utf8, (int) bytes + 1), what + ": invalid UTF-8");
    for (auto c : pointsOf (s))
        check (c != 0 && ! (c >= 0xd800 && c <= 0xdfff) && c <= 0x10ffff, what + ": a bad code point");
}

jstring javaString (JNIEnv* e, std::vector<jchar> units)
{
    return e->NewString (units.empty() ? nullptr : units.data(), (jsize) units.size());
}

/** new String(bytes, charset), decoded by Java as a session file's text would be. */
jstring javaDecoded (JNIEnv* e, const std::vector<unsigned char>& bytes, const char* charset)
{
    auto* array = e->NewByteArray ((jsize) bytes.size());
    e->SetByteArrayRegion (array, 0, (jsize) bytes.size(), reinterpret_cast<const jbyte*> (bytes.data()));
    auto* cls = e->FindClass ("java/lang/String");
    auto ctor = e->GetMethodID (cls, "<init>", "([BLjava/lang/String;)V");
    return static_cast<jstring> (e->NewObject (cls, ctor, array, e->NewStringUTF (charset)));
}

/** Java's view of a string: its UTF-16 units. */
std::vector<jchar> unitsOf (JNIEnv* e, jstring s)
{
    std::vector<jchar> units ((size_t) e->GetStringLength (s));
    e->GetStringRegion (s, 0, (jsize) units.size(), units.data());
    return units;
}

bool wellFormedUtf16 (const std::vector<jchar>& u)
{
    for (size_t i = 0; i < u.size(); ++i)
    {
        if (u[i] >= 0xd800 && u[i] <= 0xdbff && i + 1 < u.size() && u[i + 1] >= 0xdc00 && u[i + 1] <= 0xdfff)
            ++i;
        else if ((u[i] >= 0xd800 && u[i] <= 0xdfff) || u[i] == 0)
            return false;
    }
    return true;
}

void fromJavaCases (JNIEnv* e)
{
    const juce::juce_wchar bad = 0xfffd;
    struct Case { const char* name; std::vector<jchar> units; std::vector<juce::juce_wchar> expected; };
    const std::vector<Case> cases {
        { "NUL alone", { 0 }, { bad } },
        { "NUL inside", { 'a', 0, 'b' }, { 'a', bad, 'b' } },
        { "the issue's format value", { 0, 0xd7ff }, { bad, 0xd7ff } },
        { "lone high surrogate", { 0xd800 }, { bad } },
        { "lone high surrogate before text", { 0xdbff, 'x' }, { bad, 'x' } },
        { "lone low surrogate", { 'x', 0xdc00 }, { 'x', bad } },
        { "reversed pair", { 0xdc00, 0xd800 }, { bad, bad } },
        { "paired surrogates (U+1F3A7)", { 0xd83c, 0xdfa7 }, { 0x1f3a7 } },
        { "highest code point (U+10FFFF)", { 0xdbff, 0xdfff }, { 0x10ffff } },
        { "BMP and 3-byte UTF-8", { 0xe9, 0x4e2d, 0xfffe }, { 0xe9, 0x4e2d, 0xfffe } },
        { "controls kept", { '\n', '\t', 0x1b, 0x7f, 0x85 }, { '\n', '\t', 0x1b, 0x7f, 0x85 } },
        { "empty", {}, {} },
    };
    for (const auto& c : cases)
    {
        auto* js = javaString (e, c.units);
        auto s = fromJava (e, js);
        check (pointsOf (s) == c.expected, std::string ("fromJava: ") + c.name);
        checkWellFormed (s, c.name);
        e->DeleteLocalRef (js);
    }
    check (fromJava (e, nullptr).isEmpty(), "null is empty");

    // Invalid UTF-8 as Java decodes it (replacement characters) and as Latin-1 (raw code points),
    // including JNI's own "modified UTF-8" spellings of NUL (C0 80) and of a surrogate (ED A0 80).
    const std::vector<unsigned char> invalid { 0xc0, 0x80, 0xed, 0xa0, 0x80, 0xff, 0xfe, 0xe2, 0x82, 0xf4, 0x90, 0x80, 0x80 };
    for (auto* charset : { "UTF-8", "ISO-8859-1" })
    {
        auto* js = javaDecoded (e, invalid, charset);
        check (js != nullptr && ! e->ExceptionCheck(), std::string ("decoding in Java as ") + charset);
        auto s = fromJava (e, js);
        checkWellFormed (s, std::string ("invalid UTF-8 read as ") + charset);
        check (s.isNotEmpty(), std::string ("invalid UTF-8 read as ") + charset + " is not lost");
    }
    // 4-byte UTF-8 decoded by Java: one character in C++.
    {
        auto s = fromJava (e, javaDecoded (e, { 0xf0, 0x9f, 0x8e, 0xa7 }, "UTF-8"));
        check (pointsOf (s) == std::vector<juce::juce_wchar> { 0x1f3a7 }, "4-byte UTF-8 through Java");
    }

    // 1 MB strings: cut to the limit, with the marker, NULs still replaced.
    const juce::String marker (juce::CharPointer_UTF8 (foldback::JniText::truncationMarker));
    for (jchar unit : { (jchar) 'a', (jchar) 0, (jchar) 0xd800 })
    {
        auto* js = javaString (e, std::vector<jchar> (1 << 20, unit));
        auto s = fromJava (e, js);
        const auto what = "1 Mi units of U+" + juce::String::toHexString ((int) unit).toStdString();
        check (s.length() == foldback::JniText::defaultLimit + marker.length(), what + ": cut to the default limit");
        check (s.endsWith (marker), what + ": ends in the marker");
        checkWellFormed (s, what);
        auto wide = fromJava (e, js, 1 << 21);
        check (wide.length() == (1 << 20), what + ": whole under a larger limit");
        e->DeleteLocalRef (js);
    }
    // A cut through a surrogate pair leaves no half character.
    {
        auto s = fromJava (e, javaString (e, { 'a', 'b', 0xd83c, 0xdfa7, 'c' }), 3);
        check (s == juce::String ("ab") + juce::String::charToString (bad) + marker, "a cut inside a pair");
    }
    check (fromJava (e, javaString (e, { 'a', 'b' }), 0) == marker, "limit 0 keeps only the marker");
}

void toJavaCases (JNIEnv* e)
{
    const juce::String emoji = juce::String::charToString (0x1f3a7);
    auto* js = toJava (e, "caf" + juce::String::charToString (0xe9) + emoji);
    check (unitsOf (e, js) == std::vector<jchar> { 'c', 'a', 'f', 0xe9, 0xd83c, 0xdfa7 }, "toJava: UTF-16 with a pair");
    check (toJava (e, {}) != nullptr && e->GetStringLength (toJava (e, {})) == 0, "toJava: empty");

    // Whatever bytes a host hands us as text (JUCE reads them as UTF-8), Java gets well-formed UTF-16.
    const char* hostile[] = { "\xc0\x80", "\xed\xa0\x80", "\xff\xfe\xfd", "a\xf4\x90\x80\x80z", "\xe2\x82", "\xf0\x9f\x8e" };
    for (auto* bytes : hostile)
    {
        auto text = juce::String (juce::CharPointer_UTF8 (bytes));
        auto* j = toJava (e, text);
        check (j != nullptr && wellFormedUtf16 (unitsOf (e, j)), "toJava of invalid UTF-8 bytes is well-formed UTF-16");
    }
    // Valid text goes there and back unchanged.
    for (auto text : { juce::String ("Vocals"), emoji + emoji, juce::String::charToString (0x10ffff) + "x" })
        check (fromJava (e, toJava (e, text)) == text, "round trip");
}
} // namespace

/** For asan_fuzz.sh: proves AddressSanitizer reports in this configuration (a JVM running in the
    process) by reading one byte past a heap block. Without ASan it returns 0 and the script fails. */
int overflowOnPurpose (JNIEnv* e)
{
    auto* js = e->NewString (nullptr, 0);
    std::vector<char> block (16 + (size_t) e->GetStringLength (js));
    volatile char* p = block.data();
    return p[block.size()] == 42 ? 3 : 0;
}

int main (int argc, char** argv)
{
    JavaVMOption options[] { { const_cast<char*> ("-Xrs"), nullptr }, { const_cast<char*> ("-Xmx256m"), nullptr } };
    JavaVMInitArgs init {};
    init.version = JNI_VERSION_1_8;
    init.nOptions = 2;
    init.options = options;
    JavaVM* vm = nullptr;
    JNIEnv* e = nullptr;
    if (JNI_CreateJavaVM (&vm, reinterpret_cast<void**> (&e), &init) != JNI_OK)
    {
        std::printf ("FAIL: no JVM\n");
        return 1;
    }
    if (argc > 1 && std::strcmp (argv[1], "--asan-selftest") == 0)
        return overflowOnPurpose (e);
    fromJavaCases (e);
    toJavaCases (e);
    check (! e->ExceptionCheck(), "no Java exception left pending");
    std::printf ("jni_text: %d checks, %d failed\n", checks, failures);
    return failures == 0 ? 0 : 1;
}
