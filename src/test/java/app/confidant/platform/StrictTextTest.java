package app.confidant.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which strings an XML 1.0 document can carry (the rule every request body's strings are held to). */
class StrictTextTest {

    @Test
    void textWithTabsLineBreaksAndAnyPrintableCharacterPasses() {
        assertThat(StrictText.xmlSafe("Müller & Söhne\tGmbH\r\nZeile 2 — € 😀 中文")).isTrue();
        assertThat(StrictText.xmlSafe("")).isTrue();
    }

    @Test
    void controlCharactersNonCharactersAndLoneSurrogatesAreRefused() {
        for (String bad : new String[] {"a\u0000b", "a\u000Bb", "\u001B[31m", "x\u007F", "x\u0085", "x\uFFFE", "x\uFFFF",
                "x\uD800", "\uDC00x", "x\uD83D"}) {
            assertThat(StrictText.xmlSafe(bad)).as("%s", bad.codePoints().mapToObj(Integer::toHexString).toList())
                    .isFalse();
        }
    }
}
