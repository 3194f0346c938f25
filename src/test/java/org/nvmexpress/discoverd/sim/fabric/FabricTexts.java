package org.nvmexpress.discoverd.sim.fabric;

import java.util.List;

/** What the fabric file tests ask of a text: its problems as the message lists them, or its fabric. */
final class FabricTexts {
    /** Two ports, one subsystem on both, one DC: the valid base the tests break one thing of. */
    static final String PORTS = """
            "ports": [
              {"name": "d1", "transport": "tcp", "traddr": "192.168.100.5", "trsvcid": "8009"},
              {"name": "a1", "transport": "tcp", "traddr": "192.168.100.10", "trsvcid": "4420"},
              {"name": "b1", "transport": "tcp", "traddr": "192.168.200.10", "trsvcid": "4420"}
            ]""";
    static final String VOL1 = "nqn.2024-01.com.example:vol1";
    static final String SUBSYSTEMS = """
            "subsystems": [{"nqn": "nqn.2024-01.com.example:vol1", "ports": ["a1"]}]""";
    static final String DCS = """
            "discovery-controllers": [{"name": "dc1", "port": "d1"}]""";

    private FabricTexts() {
    }

    /** {@code {PORTS, SUBSYSTEMS, DCS, extra}}. */
    static String withBase(String extra) {
        return "{" + PORTS + ", " + SUBSYSTEMS + ", " + DCS + (extra.isEmpty() ? "" : ", " + extra) + "}";
    }

    /** The problems of {@code text}, each as {@code path: message}; none when it reads. */
    static List<String> problems(String text) {
        try {
            FabricFile.parse(text, "f.json");
            return List.of();
        } catch (FabricFileException e) {
            return e.problems().stream().map(FabricFileException.Problem::toString).toList();
        }
    }

    static Fabric fabric(String text) {
        try {
            return FabricFile.parse(text, "f.json");
        } catch (FabricFileException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }
}
