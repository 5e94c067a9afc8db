package org.foldback.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class VersionTest {
    @Test
    void isTheRootPomsRevision() throws Exception {
        // Maven runs a module's tests in the module's directory: the root pom is two levels up.
        String pom = Files.readString(Path.of("../../pom.xml"));
        Matcher m = Pattern.compile("<revision>([^<]+)</revision>").matcher(pom);
        m.find();
        assertEquals(m.group(1), Version.number());
    }
}
