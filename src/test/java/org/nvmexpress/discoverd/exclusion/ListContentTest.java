package org.nvmexpress.discoverd.exclusion;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

final class ListContentTest {

    @Test
    void versionIsFnv1a64OfTheBytes() {
        // Published FNV-1a-64 test vectors.
        assertThat(ListContent.versionOf("a".getBytes(StandardCharsets.US_ASCII))).isEqualTo(0xaf63dc4c8601ec8cL);
        assertThat(ListContent.versionOf("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo(0x85944171f73967e8L);
        assertThat(ListContent.versionOf(new byte[0])).as("offset basis").isEqualTo(0xcbf29ce484222325L);
        assertThat(ListContent.ABSENT).as("the version of a missing list").isZero();
    }
}
