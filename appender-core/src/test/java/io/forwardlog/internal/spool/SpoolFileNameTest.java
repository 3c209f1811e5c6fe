package io.forwardlog.internal.spool;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SpoolFileNameTest {

    @Test
    void formatsFixedWidthTimeAndSequenceThenTheEventCount() {
        assertEquals("00000001700000000123-0000000042-7.fwspool", new SpoolFileName(1_700_000_000_123L, 42, 7).fileName());
    }

    @Test
    void parsesWhatItFormats() {
        SpoolFileName name = new SpoolFileName(1_700_000_000_123L, 9_999_999_999L, Integer.MAX_VALUE);

        assertEquals(Optional.of(name), SpoolFileName.parse(name.fileName()));
    }

    @Test
    void sortsAsTextTheSameWayAsByTimeThenSequence() {
        List<SpoolFileName> names = List.of(new SpoolFileName(2000, 1, 5), new SpoolFileName(1000, 10, 1),
                new SpoolFileName(1000, 9, 300), new SpoolFileName(999, 11, 2));
        List<SpoolFileName> byValue = new ArrayList<>(names);
        byValue.sort(Comparator.naturalOrder());
        List<SpoolFileName> byText = new ArrayList<>(names);
        byText.sort(Comparator.comparing(SpoolFileName::fileName));

        assertEquals(byValue, byText);
        assertEquals(new SpoolFileName(999, 11, 2), byValue.get(0));
    }

    @Test
    void ignoresNamesThatAreNotOurs() {
        assertEquals(Optional.empty(), SpoolFileName.parse("batch.fwspool"));
        assertEquals(Optional.empty(), SpoolFileName.parse("00000001700000000123-0000000042-7.fwspool.tmp"));
        assertEquals(Optional.empty(), SpoolFileName.parse("1700000000123-0000000042-7.fwspool"));
        assertEquals(Optional.empty(), SpoolFileName.parse("99999999999999999999-0000000042-7.fwspool"));
        assertEquals(Optional.empty(), SpoolFileName.parse("00000001700000000123-0000000042-9999999999.fwspool"));
    }
}
