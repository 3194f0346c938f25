package org.nvmexpress.discoverd.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class AttributeNameTest {
    @ParameterizedTest
    @ValueSource(strings = {"a/b", "..", ".", "", "../owner", ".hidden", "owner.tmp.abc", "with space", "é", "owner\n"})
    void attributeNameRejectsPathsHiddenAndTemporaryNames(String name) {
        assertThatThrownBy(() -> new AttributeName(name))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid attribute name '" + name + "': expected 1 to 200 of the characters A-Z a-z 0-9 _ -");
    }

    @Test
    void attributeNameAcceptsLettersDigitsUnderscoreAndDash() {
        assertThat(new AttributeName("Host_Note-2").value()).isEqualTo("Host_Note-2");
        assertThat(AttributeName.OWNER.value()).isEqualTo("owner");
        assertThat(AttributeName.SEQNUM.value()).isEqualTo("seqnum");
    }

    @Test
    void attributeNameIsCappedSoTheTemporaryNameFitsInNameMax() {
        assertThat(new AttributeName("a".repeat(200)).value()).hasSize(200);
        assertThatThrownBy(() -> new AttributeName("a".repeat(201))).isInstanceOf(IllegalArgumentException.class);
    }
}
