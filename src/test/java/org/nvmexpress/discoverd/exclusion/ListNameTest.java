package org.nvmexpress.discoverd.exclusion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class ListNameTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "..", ".", "../etc/passwd", "a/b", "/abs", "a.b", " a", "a ", "tenant\nb", "é", "a\0b"})
    void nameOutsideTheAlphabetIsRefused(String name) {
        assertThatThrownBy(() -> new ListName(name))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid exclusion list name '" + name + "': use one or more letters, digits, '_' or '-'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "tenant-b", "Site_2", "default", "-", "0"})
    void nameInTheAlphabetNamesADropIn(String name) {
        ListName list = ListName.of(name);
        assertThat(list.isDefault()).isFalse();
        assertThat(list.display()).isEqualTo(name);
        Path root = Path.of("/r");
        assertThat(new ExclusionLists(root).file(list)).isEqualTo(Path.of("/r/etc/nvme/exclusions.conf.d/" + name + ".conf"));
    }

    @Test
    void defaultListIsTheMainFileAndDisplaysAsDefault() {
        assertThat(ListName.of(null)).isSameAs(ListName.DEFAULT).isEqualTo(new ListName(null));
        assertThat(ListName.DEFAULT.isDefault()).isTrue();
        assertThat(ListName.DEFAULT).hasToString("default");
        assertThat(new ExclusionLists(Path.of("/r")).file(ListName.DEFAULT)).isEqualTo(Path.of("/r/etc/nvme/exclusions.conf"));
        assertThat(ListName.of("default")).as("a named list called default is another list").isNotEqualTo(ListName.DEFAULT);
    }
}
