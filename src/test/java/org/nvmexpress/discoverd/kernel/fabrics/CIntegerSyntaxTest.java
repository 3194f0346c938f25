package org.nvmexpress.discoverd.kernel.fabrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

final class CIntegerSyntaxTest {

    @Test
    void parseReadsDecimalHexOctalAndSigns() {
        assertThat(CIntegerSyntax.parse("600")).hasValue(600);
        assertThat(CIntegerSyntax.parse("0x10")).hasValue(16);
        assertThat(CIntegerSyntax.parse("0X1f")).hasValue(31);
        assertThat(CIntegerSyntax.parse("010")).hasValue(8);
        assertThat(CIntegerSyntax.parse("0")).hasValue(0);
        assertThat(CIntegerSyntax.parse("-1")).hasValue(-1);
        assertThat(CIntegerSyntax.parse("+5")).hasValue(5);
    }

    @Test
    void parseKeepsTo32Bits() {
        assertThat(CIntegerSyntax.parse("2147483647")).hasValue(Integer.MAX_VALUE);
        assertThat(CIntegerSyntax.parse("-2147483648")).hasValue(Integer.MIN_VALUE);
        assertThat(CIntegerSyntax.parse("2147483648")).isEmpty();
        assertThat(CIntegerSyntax.parse("0xffffffff")).isEmpty();
    }

    @Test
    void parseRejectsEverythingElse() {
        for (String bad : new String[] {"", "-", "0x", "08", "1e3", " 1", "1 ", "ten", "٣", "1,2"}) {
            assertThat(CIntegerSyntax.parse(bad)).as(bad).isEqualTo(OptionalInt.empty());
        }
        assertThat(CIntegerSyntax.parse(null)).isEmpty();
    }
}
