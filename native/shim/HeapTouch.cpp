#include "HeapTouch.h"

#include "Log.h"

#include <juce_core/juce_core.h>

#include <dlfcn.h>
#include <cstdint>
#include <fstream>
#include <string>
#include <sys/mman.h>
#include <thread>
#include <vector>
#include <unistd.h>

#ifndef MADV_POPULATE_WRITE
#define MADV_POPULATE_WRITE 23   // Linux 5.14
#endif

namespace foldback
{
namespace
{
struct Range { uintptr_t start, end; };

/** ZGC's heap mappings, from /proc/self/maps: "START-END rw-s ... /memfd:java_heap (deleted)". */
std::vector<Range> javaHeapMappings()
{
    std::vector<Range> ranges;
    std::ifstream maps ("/proc/self/maps");
    for (std::string line; std::getline (maps, line);)
    {
        if (line.find ("/memfd:java_heap") == std::string::npos)
            continue;
        auto dash = line.find ('-');
        auto space = line.find (' ');
        if (dash == std::string::npos || space == std::string::npos || dash > space)
            continue;
        ranges.push_back ({ std::stoull (line.substr (0, dash), nullptr, 16),
                            std::stoull (line.substr (dash + 1, space - dash - 1), nullptr, 16) });
    }
    return ranges;
}

/**
 * Maps one range's pages without changing a byte: the JVM is running, so every page may hold
 * live objects. Before Linux 5.14 (no MADV_POPULATE_WRITE) a read per page maps it too (a shared
 * memfd mapping maps the page writable on a read fault).
 */
void populate (const Range& r)
{
    auto* start = reinterpret_cast<void*> (r.start);
    if (madvise (start, r.end - r.start, MADV_POPULATE_WRITE) == 0)
        return;
    const auto page = static_cast<uintptr_t> (sysconf (_SC_PAGESIZE));
    for (auto p = r.start; p < r.end; p += page)
        (void) *reinterpret_cast<volatile const char*> (p);
}

/**
 * The thread runs this library's code: a host unloading the plugin meanwhile would pull it away.
 * Once a JVM runs here it holds pointers into the library anyway (JNA's exports, thread-local
 * detach), so it stays loaded for the process's life.
 */
void keepThisLibraryLoaded()
{
    Dl_info info {};
    if (dladdr (reinterpret_cast<void*> (&keepThisLibraryLoaded), &info) != 0 && info.dli_fname != nullptr)
        dlopen (info.dli_fname, RTLD_NOW | RTLD_NOLOAD | RTLD_NODELETE);
}
} // namespace

void touchJavaHeapInBackground()
{
    keepThisLibraryLoaded();
    std::thread ([] {
        const auto t0 = juce::Time::getMillisecondCounterHiRes();
        uintptr_t bytes = 0;
        const auto ranges = javaHeapMappings();
        for (auto& r : ranges)
        {
            populate (r);
            bytes += r.end - r.start;
        }
        logLine ("Java heap mapped: " + juce::String (static_cast<juce::int64> (bytes >> 20)) + " MB in "
                 + juce::String (static_cast<int> (ranges.size())) + " view(s), "
                 + juce::String (juce::Time::getMillisecondCounterHiRes() - t0, 1) + " ms, off the instance's path");
    }).detach();
}
} // namespace foldback
