package org.nvmexpress.discoverd.varlink;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The interface descriptions the server returns verbatim from {@code GetInterfaceDescription}:
 * shipped as resources {@code <interface>.varlink} next to this class, so the text a client sees
 * is the file reviewed with VARLINK.md, byte for byte.
 */
final class InterfaceDescriptions {
    /** In the order {@code GetInfo} lists them. */
    static final List<String> INTERFACES =
            List.of("org.varlink.service", "io.systemd.service", DiscoverdMethods.INTERFACE);

    private final Map<String, String> byName;

    private InterfaceDescriptions(Map<String, String> byName) {
        this.byName = byName;
    }

    /** Reads every description; a missing one is a broken build, not a runtime condition. */
    static InterfaceDescriptions load() {
        Map<String, String> byName = new LinkedHashMap<>();
        for (String name : INTERFACES) {
            try (InputStream in = InterfaceDescriptions.class.getResourceAsStream(name + ".varlink")) {
                if (in == null) {
                    throw new IllegalStateException("interface description " + name + ".varlink is missing from the build");
                }
                byName.put(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("reading interface description " + name, e);
            }
        }
        return new InterfaceDescriptions(Map.copyOf(byName));
    }

    Optional<String> description(String name) {
        return Optional.ofNullable(byName.get(name));
    }
}
