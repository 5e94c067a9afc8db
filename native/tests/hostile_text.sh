#!/usr/bin/env bash
# Issue 19's boundary test through the real VST3: Java returns hostile text from every call a
# host reaches (a test hook, FOLDBACK_TEST_HOSTILE_TEXT); the host must get sanitized, bounded
# text and survive. jni_text (jni_text_test.cpp) checks the conversion itself case by case.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/hostile_lib.sh"
crash_repro "$FOLDBACK_VST3"
hostile_text_checks "$FOLDBACK_VST3"
assert_no_jvm_crash
pass "hostile text from Java reaches the host sanitized and bounded"
