#pragma once

// Text across the JNI boundary, in both directions, converted here and nowhere else.
//
// The contract (issue 19): Java text reaches C++ as UTF-16 copied with GetStringLength and
// GetStringRegion into a buffer of bounded size, never through GetStringUTFChars. JNI's "modified
// UTF-8" is not UTF-8 (NUL is the pair C0 80, a character beyond the BMP is two 3-byte
// surrogates), and JUCE's UTF-8 decoder corrupted the heap on it. On the way:
//   - NUL (U+0000) becomes U+FFFD, so the C++ string is never cut short or mis-sized;
//   - a surrogate without its partner becomes U+FFFD; a proper pair becomes its one character;
//   - text longer than the limit keeps its first maxUtf16Units units (a pair split by the cut
//     counts as unpaired) and ends in the marker truncationMarker, so a reader sees it was cut.
// C++ text reaches Java through NewString from UTF-16, never NewStringUTF on arbitrary bytes;
// NUL (an overlong C0 80 decodes to it) and a code point that is no Unicode scalar value (a
// surrogate, beyond U+10FFFF) become U+FFFD.

#include <jni.h>

#include <juce_core/juce_core.h>

namespace foldback::JniText
{
/** The default bound of one string from Java, in UTF-16 units: far above any message, name or
    value text Java sends (Java quotes user data shortened), far below memory trouble. */
constexpr int defaultLimit = 16 * 1024;

/** Appended to text cut at the limit. */
inline constexpr const char* truncationMarker = "\xe2\x80\xa6 [cut]";   // "… [cut]" in UTF-8

/** A Java string as juce::String under the contract above; empty for null. Call with no Java
    exception pending (JNI allows no string call then). */
juce::String fromJava (JNIEnv* env, jstring text, int maxUtf16Units = defaultLimit);

/** fromJava for a jobject a Java method returned (a String or null); frees the local reference. */
juce::String takeFromJava (JNIEnv* env, jobject text, int maxUtf16Units = defaultLimit);

/** A new local Java string holding text; null (with Java's OutOfMemoryError pending) when the JVM
    cannot allocate it. */
jstring toJava (JNIEnv* env, const juce::String& text);
} // namespace foldback::JniText
