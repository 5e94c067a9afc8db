package org.foldback.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.foldback.engine.CompilePrerequisites;
import org.junit.jupiter.api.Test;

/**
 * `java -jar foldback.jar` gets the JVM options the plugin's JVM gets: the jar's manifest
 * (Add-Exports, written by the shade plugin from java/cli/pom.xml) says the same as
 * CompilePrerequisites.JVM_OPTIONS. The jar is built after the tests, so the pom is what is read.
 */
class CliManifestTest {
    @Test
    void manifestAddExportsMatchTheOptionsThePluginsJvmGets() throws Exception {
        String pom = Files.readString(Path.of("pom.xml"));
        Matcher m = Pattern.compile("<Add-Exports>([^<]*)</Add-Exports>").matcher(pom);
        m.find();
        List<String> manifest = Arrays.stream(m.group(1).trim().split("\\s+"))
                .map(target -> "--add-exports=" + target + "=ALL-UNNAMED").toList();
        assertEquals(CompilePrerequisites.JVM_OPTIONS, manifest);
    }
}
