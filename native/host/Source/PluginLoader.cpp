#include "PluginLoader.h"
#include "HostError.h"

using namespace juce;

namespace
{
    bool looksLikeUri (const String& s)
    {
        return s.contains ("://") || s.startsWith ("urn:");
    }

    /** The plugin URIs an LV2 bundle's manifest mentions. A Turtle parser would be exact; this
        collects every <...> IRI, and the caller keeps only those lilv knows as plugins, so prefix
        and seeAlso IRIs drop out. */
    StringArray irisInManifest (const File& manifest)
    {
        StringArray iris;
        const auto text = manifest.loadFileAsString();

        for (int start = text.indexOfChar ('<'); start >= 0; start = text.indexOfChar (start + 1, '<'))
        {
            const auto end = text.indexOfChar (start + 1, '>');

            if (end < 0)
                break;

            iris.addIfNotAlreadyThere (text.substring (start + 1, end));
            start = end;
        }

        return iris;
    }
}

PluginLoader::PluginLoader (const String& pluginPath)
{
    const auto trimmed = pluginPath.trimCharactersAtEnd ("/");

    if (looksLikeUri (trimmed))
    {
        formats.addFormat (new LV2PluginFormat());

        // A bare URI is looked up in the default LV2 folders, plus LV2_PATH as other hosts do.
        const auto lv2Path = SystemStats::getEnvironmentVariable ("LV2_PATH", {});

        if (lv2Path.isNotEmpty())
            formats.getFormat (0)->searchPathsForPlugins (FileSearchPath (lv2Path.replaceCharacter (':', ';')), false, false);

        description = describeByIdentifier (trimmed);
        return;
    }

    const auto bundle = File::getCurrentWorkingDirectory().getChildFile (trimmed);

    if (! bundle.exists())
        failArgs ("plugin not found: " + bundle.getFullPathName());

    if (bundle.hasFileExtension ("vst3"))
    {
        formats.addFormat (new VST3PluginFormat());
        description = findVst3Plugin (bundle);
    }
    else if (bundle.hasFileExtension ("lv2"))
    {
        formats.addFormat (new LV2PluginFormat());
        description = findLv2Plugin (bundle);
    }
    else if (bundle.hasFileExtension ("clap") && bundle.existsAsFile())
    {
        clapModule = ClapHosting::load (bundle);
        description = ClapHosting::describe (*clapModule);
    }
    else
    {
        failArgs ("cannot tell the plugin format of " + bundle.getFullPathName()
                  + " (expected a .vst3 bundle, a .lv2 bundle directory, an LV2 URI or a .clap file)");
    }
}

PluginLoader::PluginLoader (const String& pluginPath, const PluginDescription& known)
{
    const auto bundle = File::getCurrentWorkingDirectory().getChildFile (pluginPath.trimCharactersAtEnd ("/"));

    if (known.pluginFormatName == "VST3" && bundle.hasFileExtension ("vst3"))
        formats.addFormat (new VST3PluginFormat());
    else if (known.pluginFormatName == "LV2")
    {
        // JUCE's LV2 format creates only plugins its world has loaded: load the bundle's folder
        // (this lists URIs; it creates nothing).
        formats.addFormat (new LV2PluginFormat());
        if (bundle.isDirectory())
            formats.getFormat (0)->searchPathsForPlugins (FileSearchPath (bundle.getParentDirectory().getFullPathName()), false, false);
    }
    else
        failArgs ("a known description is for VST3 and LV2 plugins only, not " + pluginPath);

    description = known;
}

PluginDescription PluginLoader::describeInChildProcess (const String& pluginPath)
{
    const auto self = File::getSpecialLocation (File::currentExecutableFile).getFullPathName();
    ChildProcess child;

    if (! child.start (StringArray { self, "describe", "--plugin", pluginPath }, ChildProcess::wantStdOut))
        failPlugin ("could not start " + self + " to describe the plugin");

    const auto output = child.readAllProcessOutput();
    const auto exitCode = child.getExitCode();
    PluginDescription description;

    if (exitCode != 0)
        failPlugin ("describing " + pluginPath + " failed (exit code " + String (exitCode) + "): " + output.trim());

    if (auto xml = parseXML (output); xml == nullptr || ! description.loadFromXml (*xml))
        failPlugin ("describing " + pluginPath + " gave no plugin description: " + output.trim());

    return description;
}

PluginDescription PluginLoader::findVst3Plugin (const File& bundle)
{
    OwnedArray<PluginDescription> found;
    formats.getFormat (0)->findAllTypesForFile (found, bundle.getFullPathName());

    if (found.isEmpty())
        failPlugin ("no VST3 plugin could be loaded from " + bundle.getFullPathName());

    // A bundle may hold several classes; Foldback's holds one.
    return *found.getFirst();
}

PluginDescription PluginLoader::findLv2Plugin (const File& bundle)
{
    const auto manifest = bundle.getChildFile ("manifest.ttl");

    if (! bundle.isDirectory() || ! manifest.existsAsFile())
        failArgs ("not an LV2 bundle (no manifest.ttl): " + bundle.getFullPathName());

    // JUCE's LV2 format knows plugins by URI only and loads bundles by search path, so load the
    // bundle's parent folder and pick the URIs this bundle declares.
    auto& format = *formats.getFormat (0);
    const auto known = format.searchPathsForPlugins (FileSearchPath (bundle.getParentDirectory().getFullPathName()),
                                                     false, false);
    StringArray uris;

    // A manifest may name its plugin with an IRI relative to the bundle (JUCE writes <Name> when
    // the plugin has no absolute LV2URI); lilv knows it resolved, as file:///.../Bundle.lv2/Name.
    for (const auto& iri : irisInManifest (manifest))
        for (const auto& uri : known)
            if (uri == iri || uri.endsWith ("/" + bundle.getFileName() + "/" + iri))
                uris.addIfNotAlreadyThere (uri);

    if (uris.isEmpty())
        failPlugin ("the LV2 bundle " + bundle.getFullPathName() + " declares no plugin that lilv could load");

    checkNoOtherCopyInstalled (format, bundle, uris[0]);
    auto description = describeByIdentifier (uris[0]);

    // JUCE 7's LV2 host leaves the version empty (it never reads doap:release), so JUCE-based
    // hosts show "Foldback v". The bundle states it: doap:revision in its .ttl files.
    if (description.version.isEmpty())
        for (const auto& ttl : bundle.findChildFiles (File::findFiles, false, "*.ttl"))
            if (auto text = ttl.loadFileAsString(); text.contains ("doap:revision"))
            {
                description.version = text.fromFirstOccurrenceOf ("doap:revision \"", false, false).upToFirstOccurrenceOf ("\"", false, false);
                break;
            }
    return description;
}

void PluginLoader::checkNoOtherCopyInstalled (AudioPluginFormat& format, const File& bundle, const String& uri)
{
    // JUCE's LV2 format loads the default LV2 folders first, and lilv keeps the first plugin it
    // finds for a URI. If another build of the same plugin is installed there (~/.lv2, ...), we
    // would silently test that one instead of the bundle named on the command line.
    const auto defaultFolders = format.getDefaultLocationsToSearch();

    for (int i = 0; i < defaultFolders.getNumPaths(); ++i)
    {
        for (const auto& installed : defaultFolders[i].findChildFiles (File::findDirectories, false, "*.lv2"))
        {
            if (installed == bundle
                || ! installed.getChildFile ("manifest.ttl").loadFileAsString().contains ("<" + uri + ">"))
                continue;

            bool identical = true;

            for (const auto& file : bundle.findChildFiles (File::findFiles, true))
                identical = identical && file.hasIdenticalContentTo (installed.getChildFile (file.getRelativePathFrom (bundle)));

            if (! identical)
                failPlugin ("another build of " + uri + " is installed in " + installed.getFullPathName()
                            + " and the LV2 loader would use it instead of " + bundle.getFullPathName()
                            + "; remove it, or pass the URI to test the installed copy");
        }
    }
}

PluginDescription PluginLoader::describeByIdentifier (const String& identifier)
{
    OwnedArray<PluginDescription> found;
    formats.getFormat (0)->findAllTypesForFile (found, identifier);

    if (found.isEmpty())
        failPlugin ("no LV2 plugin with URI " + identifier + " could be loaded");

    return *found.getFirst();
}

std::unique_ptr<AudioPluginInstance> PluginLoader::createInstance (double sampleRate, int blockSize)
{
    if (clapModule != nullptr)
        return ClapHosting::createInstance (clapModule);

    String error;
    auto instance = formats.createPluginInstance (description, sampleRate, blockSize, error);

    if (instance == nullptr)
    {
        // Debian's JUCE defines JucePlugin_LV2URI as the plugin's name unless the build passes it
        // as a compile definition; the manifest then holds a relative IRI that lilv resolves to a
        // file: URI the binary does not know.
        const auto hint = description.fileOrIdentifier.startsWith ("file:")
                              ? String (" (the bundle names its plugin with a relative IRI: build it with an absolute"
                                        " JucePlugin_LV2URI compile definition)")
                              : String();

        failPlugin ("could not create an instance of " + description.name + ": "
                    + (error.isNotEmpty() ? error : String ("no reason given")) + hint);
    }

    // An offline host unless a command plays in real time (it calls setNonRealtime (false)):
    // VST3 plugins see kOffline, and Foldback skips its real-time JIT warm-up.
    instance->setNonRealtime (true);
    return instance;
}

void pumpMessages (int milliseconds)
{
    MessageManager::getInstance()->runDispatchLoopUntil (milliseconds);
}
