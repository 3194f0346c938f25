package org.nvmexpress.discoverd.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Generators for the property tests: valid fabrics files, and random edits of them that keep most of
 * the structure so the section, key and controller-line parsers are reached (pure byte soup rarely
 * gets past the first line).
 */
final class FabricsMutations {
    /** Valid files covering every section, key class and controller-line form. */
    static final List<String> VALID = List.of(FabricsTree.READ_MAIN, FabricsTree.READ_PROD, """
            [Discovery Controller Defaults]
            keep-alive-tmo = 30
            persistent = auto
            tls = yes
            [I/O Controller Defaults]
            nr-io-queues = 0x10
            ctrl-loss-tmo = -1
            [Host]
            hostnqn = nqn.2014-08.org.nvmexpress:uuid:46ba5037-7ce5-41fa-9452-48477bf00080
            hostid = 46ba5037-7ce5-41fa-9452-48477bf00080
            hostsymname = lab-host-01
            kxchap-secret = DHHC-1:00:c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0:
            [Discovery Controller]
            nqn = nqn.2014-08.org.example:cdc.main
            persistent = force
            controller = transport=tcp;traddr=192.168.1.10;trsvcid=8009;persistent=no
            controller = transport=tcp;traddr=cdc-backup.example.com
            [Subsystem]
            nqn = nqn.2024-01.com.example:data.vol2
            tls-key = NVMeTLSkey-1:01:c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0:
            reconnect-delay =
            controller = transport=tcp;traddr=fd00:10::21;trsvcid=4420;host-iface=eth1;keep-alive-tmo=10
            controller = transport=fc;traddr=nn-0x200000109b123456:pn-0x100000109b123456;host-traddr=nn-0x20000090fa000001:pn-0x10000090fa000001
            controller = transport=rdma;traddr=10.0.0.1;host-traddr=10.0.0.2;hdr-digest=on
            """);

    /** Fragments that are meaningful to some parser stage. */
    private static final List<String> TOKENS = List.of("[", "]", "=", ";", "#", " # note", "\r", "\t", "\u000b", "é",
            "東", "\u0000", "\n", "", " ", "[Host]", "[Subsystem]", "[Discovery Controller]", "[I/O Controller Defaults]",
            "[Tuning]", "controller = ", "transport=tcp", "traddr=", "traddr=10.0.0.3", "trsvcid=", "host-traddr=x.example",
            "persistent=force", "tls=yes", "tls-key=k", "bogus=1", "nqn =", "nqn = nqn.2014-13.org.x", "hostnqn =",
            "hostid = 00000000-0000-0000-0000-000000000000", "hostid = 46ba5037-7ce5-41fa-9452-48477bf00080",
            "keep-alive-tmo = 99999999999", "0x", "-", "+", "yes", "maybe", "nn-0x1:pn-0x2", "::1%eth0", "1.2.3");

    /** One edit: what to do, two positions (taken modulo the text's size) and a fragment. */
    record Mutation(Kind kind, int first, int second, String text) {
        enum Kind { INSERT, DELETE_CHARS, REPLACE_VALUE, DUPLICATE_LINE, DELETE_LINE, SWAP_LINES, APPEND_LINE }

        String applyTo(String input) {
            if (kind == Kind.INSERT || kind == Kind.DELETE_CHARS) {
                int at = input.isEmpty() ? 0 : Math.floorMod(first, input.length() + 1);
                if (kind == Kind.INSERT) {
                    return input.substring(0, at) + text + input.substring(at);
                }
                return input.substring(0, at) + input.substring(Math.min(input.length(), at + Math.floorMod(second, 8)));
            }
            List<String> lines = new ArrayList<>(Arrays.asList(input.split("\n", -1)));
            int i = Math.floorMod(first, lines.size());
            int j = Math.floorMod(second, lines.size());
            switch (kind) {
                case REPLACE_VALUE -> lines.set(i, lines.get(i).replaceFirst("=.*", Matcher.quoteReplacement("= " + text)));
                case DUPLICATE_LINE -> lines.add(j, lines.get(i));
                case DELETE_LINE -> lines.remove(i);
                case SWAP_LINES -> {
                    String line = lines.get(i);
                    lines.set(i, lines.get(j));
                    lines.set(j, line);
                }
                case APPEND_LINE -> lines.set(i, lines.get(i) + text);
                default -> throw new AssertionError(kind);
            }
            return String.join("\n", lines);
        }
    }

    private FabricsMutations() {
    }

    static Arbitrary<String> token() {
        return Arbitraries.oneOf(Arbitraries.of(TOKENS),
                Arbitraries.strings().withCharRange(' ', '~').withChars('\r', '\t', 'é').ofMaxLength(10));
    }

    static Arbitrary<Mutation> mutation() {
        return Combinators.combine(Arbitraries.of(Mutation.Kind.class), Arbitraries.integers(), Arbitraries.integers(),
                token()).as(Mutation::new);
    }

    /** A valid file with up to twelve random edits applied. */
    static Arbitrary<String> mutatedValidFile() {
        return Combinators.combine(Arbitraries.of(VALID), mutation().list().ofMaxSize(12)).as((text, edits) -> {
            String out = text;
            for (Mutation m : edits) {
                out = m.applyTo(out);
            }
            return out;
        });
    }
}
