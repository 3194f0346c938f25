package org.nvmexpress.discoverd.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nvmexpress.discoverd.ini.IniReader;
import org.nvmexpress.discoverd.tid.Role;

/**
 * The model one fabrics file is read into (reference §8.3): defaults, the {@code [Host]} persona and
 * endpoint sections with their controller lines, as written and before the cascade.
 */
final class FabricsFileBuilderTest {
    /** A complete single-persona file, as reference §14.4's raw-model case describes it. */
    private static final String COMPLETE = """
            # a complete single-persona file
            [Discovery Controller Defaults]
            keep-alive-tmo = 30
            ctrl-loss-tmo = 600

            [I/O Controller Defaults]
            keep-alive-tmo = 5
            ctrl-loss-tmo = 600

            [Host]
            hostnqn = nqn.2014-08.org.nvmexpress:host
            hostid = 46ba5037-7ce5-41fa-9452-48477bf00080
            hostsymname = lab-host-01
            kxchap-secret = DHHC-1:00:abc:

            [Discovery Controller]
            persistent = auto
            controller = transport=tcp;traddr=10.0.0.5;trsvcid=8009

            [Subsystem]
            nqn           = nqn.2014-08.org.nvmexpress:vol1
            tls           = true
            ctrl-loss-tmo = 1800
            controller    = transport=tcp;traddr=10.0.0.9;trsvcid=4420;host-iface=eth0
            controller    = transport=tcp;traddr=10.0.0.10;trsvcid=4420;keep-alive-tmo=10
            """;

    private static FabricsFile read(String text) {
        FabricsFileParser.Parsed parsed = FabricsFileParser.parse(IniReader.parse("f.conf", text));
        assertThat(parsed.diagnostics()).isEmpty();
        assertThat(parsed.hasErrors()).isFalse();
        return parsed.file();
    }

    private static Params params(String... keyValues) {
        Params p = Params.EMPTY;
        for (int i = 0; i < keyValues.length; i += 2) {
            p = p.with(FabricsKey.forName(keyValues[i]).orElseThrow(), keyValues[i + 1]);
        }
        return p;
    }

    @Test
    void aCompleteFileIsReadIntoItsModel() {
        FabricsFile file = read(COMPLETE);
        assertThat(file.file()).isEqualTo("f.conf");
        assertThat(file.dcDefaults()).isEqualTo(params("keep-alive-tmo", "30", "ctrl-loss-tmo", "600"));
        assertThat(file.iocDefaults()).isEqualTo(params("keep-alive-tmo", "5", "ctrl-loss-tmo", "600"));
        assertThat(file.host()).isEqualTo(new FabricsFile.Host(10, "nqn.2014-08.org.nvmexpress:host",
                "46ba5037-7ce5-41fa-9452-48477bf00080", "lab-host-01", params("kxchap-secret", "DHHC-1:00:abc:")));
        assertThat(file.endpoints()).containsExactly(
                new FabricsFile.Endpoint(16, Role.DC, null, params("persistent", "auto"), List.of(
                        new FabricsFile.ControllerLine(18, "tcp", "10.0.0.5", "8009", null, null, Params.EMPTY))),
                new FabricsFile.Endpoint(20, Role.IOC, "nqn.2014-08.org.nvmexpress:vol1",
                        params("tls", "true", "ctrl-loss-tmo", "1800"), List.of(
                        new FabricsFile.ControllerLine(24, "tcp", "10.0.0.9", "4420", null, "eth0", Params.EMPTY),
                        new FabricsFile.ControllerLine(25, "tcp", "10.0.0.10", "4420", null, null,
                                params("keep-alive-tmo", "10")))));
    }

    @Test
    void aCrlfFileReadsLikeAnLfFile() {
        assertThat(read(COMPLETE.replace("\n", "\r\n"))).isEqualTo(read(COMPLETE));
    }

    @Test
    void aFileWithoutHostHasNoPersona() {
        assertThat(read("[Subsystem]\nnqn = nqn.2014-08.org.nvmexpress:v\ncontroller = transport=tcp;traddr=1.2.3.4\n")
                .host()).isNull();
    }

    @Test
    void anEmptyFileIsAnEmptyModel() {
        FabricsFile file = read("# nothing here\n\n");
        assertThat(file).isEqualTo(new FabricsFile("f.conf", Params.EMPTY, Params.EMPTY, null, List.of()));
    }

    @Test
    void aHostNameInTraddrIsKeptVerbatim() {
        assertThat(read("[Subsystem]\nnqn = nqn.2014-08.org.nvmexpress:vol1\n"
                + "controller = transport=tcp;traddr=storage.example.com;trsvcid=4420\n")
                .endpoints().get(0).controllers().get(0).traddr()).isEqualTo("storage.example.com");
    }

    @Test
    void repeatedDefaultsSectionsMergeWithLaterValuesWinningInPlace() {
        FabricsFileParser.Parsed parsed = FabricsFileParser.parse(IniReader.parse("f.conf",
                "[Discovery Controller Defaults]\nctrl-loss-tmo = 600\nunknown-knob = 7\ntos = 1\n[Tuning]\ntos = 9\n"
                        + "[Discovery Controller Defaults]\nreconnect-delay = 20\nctrl-loss-tmo = 900\n"));
        assertThat(parsed.hasErrors()).isFalse();
        assertThat(parsed.file().dcDefaults())
                .as("unknown key and unknown section ignored; repeated section merged")
                .isEqualTo(params("ctrl-loss-tmo", "900", "tos", "1", "reconnect-delay", "20"));
    }

    @Test
    void emptyValuesAreRecordedResetsAndEmptyIdentitiesAreUnset() {
        FabricsFile file = read("[Host]\nhostnqn =\nhostid =\nhostsymname =\nkeep-alive-tmo =\n"
                + "[I/O Controller Defaults]\ntls =\n");
        assertThat(file.host()).isEqualTo(new FabricsFile.Host(1, null, null, null, params("keep-alive-tmo", "")));
        assertThat(file.iocDefaults()).isEqualTo(params("tls", ""));
    }

    @Test
    void eachSectionTakesTheKeyClassesOfReferenceSection83() {
        FabricsFile file = read("""
                [Discovery Controller Defaults]
                tos = 1
                tls = yes
                persistent = no
                [I/O Controller Defaults]
                tos = 2
                keyring = .nvme
                [Host]
                hostnqn = nqn.2014-08.org.nvmexpress:h
                tos = 3
                tls-key-identity = NVMe1R02 id
                [Discovery Controller]
                nqn = nqn.2014-08.org.example:cdc
                tos = 4
                concat = yes
                persistent = force
                controller = transport=tcp;traddr=10.0.0.5;tos=5;persistent=no
                [Subsystem]
                nqn = nqn.2014-08.org.nvmexpress:v
                tos = 6
                kxchap-ctrl-secret = DHHC-1:01:x:
                controller = transport=tcp;traddr=10.0.0.9;tos=7
                """);
        assertThat(file.dcDefaults()).isEqualTo(params("tos", "1", "tls", "yes", "persistent", "no"));
        assertThat(file.iocDefaults()).isEqualTo(params("tos", "2", "keyring", ".nvme"));
        assertThat(file.host().params()).isEqualTo(params("tos", "3", "tls-key-identity", "NVMe1R02 id"));
        assertThat(file.endpoints().get(0).params()).isEqualTo(params("tos", "4", "concat", "yes", "persistent", "force"));
        assertThat(file.endpoints().get(0).controllers().get(0).params()).isEqualTo(params("tos", "5", "persistent", "no"));
        assertThat(file.endpoints().get(1).params()).isEqualTo(params("tos", "6", "kxchap-ctrl-secret", "DHHC-1:01:x:"));
        assertThat(file.endpoints().get(1).controllers().get(0).params()).isEqualTo(params("tos", "7"));
    }

    @Test
    void utf8ValuesAreKeptWhereTheKeyTakesText() {
        FabricsFile file = read("[Host]\nhostsymname = Rechner-Müller-東京\nkeyring = clé\n[Discovery Controller]\n"
                + "controller = transport=tcp;traddr=größe.example;host-iface=ethé\n");
        assertThat(file.host().hostsymname()).isEqualTo("Rechner-Müller-東京");
        assertThat(file.host().params()).isEqualTo(params("keyring", "clé"));
        FabricsFile.ControllerLine line = file.endpoints().get(0).controllers().get(0);
        assertThat(line.traddr()).isEqualTo("größe.example");
        assertThat(line.hostIface()).isEqualTo("ethé");
    }

    @Test
    void utf8IsRefusedWhereTheKeyTakesNumbersOrNqns() {
        assertThat(FabricsFileParserTest.diagnostics("[I/O Controller Defaults]\nkeep-alive-tmo = ３０\n"
                + "[Subsystem]\nnqn = nqn.2014-08.org.exämple:v\ncontroller = transport=tcp;traddr=1.2.3.4\n"))
                .containsExactly("f.conf:2: error: invalid value for 'keep-alive-tmo': '３０' (expected an integer"
                                + " (decimal, 0x hex or 0 octal))",
                        "f.conf:4: error: invalid nqn 'nqn.2014-08.org.exämple:v': an NQN has only printable ASCII"
                                + " characters, no spaces");
    }

    @Test
    void aLaterNqnInTheSameSectionWins() {
        assertThat(read("[Subsystem]\nnqn = nqn.2014-08.org.nvmexpress:a\nnqn = nqn.2014-08.org.nvmexpress:b\n"
                + "controller = transport=tcp;traddr=1.2.3.4\n").endpoints().get(0).nqn())
                .isEqualTo("nqn.2014-08.org.nvmexpress:b");
    }

    @Test
    void aRejectedFileStillHasItsModelForReporting() {
        FabricsFileParser.Parsed parsed = FabricsFileParser.parse(IniReader.parse("f.conf",
                "[I/O Controller Defaults]\ntos = 1\nbroken line\n"));
        assertThat(parsed.hasErrors()).isTrue();
        assertThat(parsed.file().iocDefaults()).isEqualTo(params("tos", "1"));
    }
}
