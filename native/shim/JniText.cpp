#include "JniText.h"

#include <vector>

namespace foldback::JniText
{
namespace
{
constexpr juce::juce_wchar replacement = 0xfffd;

bool isHigh (jchar c) { return c >= 0xd800 && c <= 0xdbff; }
bool isLow (jchar c) { return c >= 0xdc00 && c <= 0xdfff; }
} // namespace

juce::String fromJava (JNIEnv* env, jstring text, int maxUtf16Units)
{
    if (text == nullptr)
        return {};
    const jsize length = env->GetStringLength (text);
    const jsize kept = juce::jlimit<jsize> (0, juce::jmax (0, maxUtf16Units), length);

    std::vector<jchar> units ((size_t) kept);
    if (kept > 0)
        env->GetStringRegion (text, 0, kept, units.data());
    if (env->ExceptionCheck())   // cannot happen for a valid region; leave it to the caller's check
        return {};

    // Decoded to code points here (not by JUCE's UTF-16 reader) so every unit is checked.
    std::vector<juce::juce_wchar> points;
    points.reserve ((size_t) kept + 1);
    for (jsize i = 0; i < kept; ++i)
    {
        const jchar c = units[(size_t) i];
        if (isHigh (c) && i + 1 < kept && isLow (units[(size_t) i + 1]))
        {
            points.push_back (0x10000 + (((juce::juce_wchar) c - 0xd800) << 10) + ((juce::juce_wchar) units[(size_t) i + 1] - 0xdc00));
            ++i;
        }
        else if (c == 0 || isHigh (c) || isLow (c))
            points.push_back (replacement);
        else
            points.push_back (c);
    }
    points.push_back (0);

    juce::String result (juce::CharPointer_UTF32 (points.data()));
    if (kept < length)
        result << juce::String (juce::CharPointer_UTF8 (truncationMarker));
    return result;
}

juce::String takeFromJava (JNIEnv* env, jobject text, int maxUtf16Units)
{
    if (text == nullptr)
        return {};
    auto result = fromJava (env, static_cast<jstring> (text), maxUtf16Units);
    env->DeleteLocalRef (text);
    return result;
}

jstring toJava (JNIEnv* env, const juce::String& text)
{
    std::vector<jchar> units;
    units.reserve ((size_t) text.length() + 1);
    for (auto p = text.getCharPointer(); ! p.isEmpty();)
    {
        auto c = p.getAndAdvance();
        // JUCE decodes an overlong C0 80 in a host's text as 0: no NUL reaches Java either.
        if (c == 0 || (c >= 0xd800 && c <= 0xdfff) || c > 0x10ffff)
            c = replacement;
        if (c >= 0x10000)
        {
            units.push_back ((jchar) (0xd800 + ((c - 0x10000) >> 10)));
            units.push_back ((jchar) (0xdc00 + ((c - 0x10000) & 0x3ff)));
        }
        else
            units.push_back ((jchar) c);
    }
    const jchar none = 0;
    return env->NewString (units.empty() ? &none : units.data(), (jsize) units.size());
}
} // namespace foldback::JniText
