// The CLAP entry point (clap_entry) and its plugin factory: Foldback.clap holds one plugin.

#include "ClapPlugin.h"

#include <plugin-factory.h>
#include <plugin-features.h>

#include <cstring>

namespace foldback::clap
{
namespace
{
const char* features[] = { CLAP_PLUGIN_FEATURE_AUDIO_EFFECT, CLAP_PLUGIN_FEATURE_MIXING,
                           CLAP_PLUGIN_FEATURE_UTILITY, CLAP_PLUGIN_FEATURE_STEREO, nullptr };

const clap_plugin_factory_t factory {
    [] (const clap_plugin_factory_t*) { return 1u; },
    [] (const clap_plugin_factory_t*, uint32_t index) { return index == 0 ? &descriptor : nullptr; },
    [] (const clap_plugin_factory_t*, const clap_host_t* host, const char* id) -> const clap_plugin_t*
    {
        if (host == nullptr || id == nullptr || std::strcmp (id, descriptor.id) != 0
            || ! clap_version_is_compatible (host->clap_version))
            return nullptr;
        return (new Plugin (host))->clapPlugin();
    },
};
} // namespace

const clap_plugin_descriptor_t descriptor {
    CLAP_VERSION_INIT,
    "dev.foldback.foldback",
    "Foldback",
    "Foldback",
    "http://foldback.dev",
    "",
    "",
    FOLDBACK_VERSION,
    "Headphone cue mixer",
    features,
};
} // namespace foldback::clap

extern "C" CLAP_EXPORT const clap_plugin_entry_t clap_entry {
    CLAP_VERSION_INIT,
    // Nothing to do at load: the JVM starts with the first instance (Plugin::init), as in the
    // other formats, so a host that only scans pays nothing for Java.
    [] (const char*) { return true; },
    [] () {},
    [] (const char* id) -> const void* { return std::strcmp (id, CLAP_PLUGIN_FACTORY_ID) == 0 ? &foldback::clap::factory : nullptr; },
};
