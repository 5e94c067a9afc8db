package org.foldback.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The factory presets' names as the build packs them (FactoryNames) are the presets' own. */
class FactoryNamesTest {
    @Test
    void thePackedListIsWhatDecodingEveryPresetGives() throws Exception {
        List<FactoryNames.Preset> packed = FactoryNames.read();
        assertNotNull(packed, "the build packs " + FactoryNames.RESOURCE + " (java/state/pom.xml, process-classes)");
        assertEquals(FactoryNames.decode(), packed);
        List<PresetLibrary.Entry> listed = PresetLibrary.standard(null).factoryList();
        assertEquals(listed.stream().map(e -> new FactoryNames.Preset(e.id(), e.name())).toList(), packed,
                "the same IDs, names and order as the library lists them");
        assertEquals(PresetLibraryTest.FACTORY_IDS, packed.stream().map(FactoryNames.Preset::id).toList());
    }

    @Test
    void namesSurviveThePackingWhateverTheyHold() {
        for (String name : List.of("Vocal booth", "a\tb", "line\nbreak\r", "back\\slash\\t", "\\", "ü € 𝄞", "")) {
            assertEquals(name, FactoryNames.unescape(FactoryNames.escape(name)));
        }
    }
}
