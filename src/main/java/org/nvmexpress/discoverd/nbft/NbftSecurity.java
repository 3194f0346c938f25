package org.nvmexpress.discoverd.nbft;

import java.util.Objects;
import java.util.Optional;

/**
 * A security profile: how connections that link to it authenticate and protect their channel
 * (reference §7.2). The policy lists are raw bytes, one code per byte, as the table stores them;
 * a list the flags do not announce is empty.
 *
 * @param index                   the descriptor's own index, which links use
 * @param flags                   the 16-bit flags (bit 0 valid; bits 2:1 in-band authentication;
 *                                bits 4:3 authentication policy list; bits 6:5 secure channel
 *                                negotiation; bits 8:7 security policy list; bit 9 cipher suites
 *                                restricted; bit 10 key exchange groups restricted; bit 11 hash
 *                                function policy list)
 * @param secretType              the secret type byte (bit 1: Redfish host interface URI)
 * @param secureChannelAlgorithms the security (secure channel) policy list
 * @param authProtocols           the authentication protocol list
 * @param cipherSuites            the cipher suite list
 * @param keyExchangeGroups       the key exchange group list
 * @param hashFunctions           the hash function list
 * @param keyPath                 where the secret lives, when the table says
 */
public record NbftSecurity(int index, int flags, int secretType, NbftBytes secureChannelAlgorithms,
        NbftBytes authProtocols, NbftBytes cipherSuites, NbftBytes keyExchangeGroups, NbftBytes hashFunctions,
        Optional<String> keyPath) {
    public NbftSecurity {
        Ranges.u8("index", index);
        Ranges.u16("flags", flags);
        Ranges.u8("secretType", secretType);
        Objects.requireNonNull(secureChannelAlgorithms, "secureChannelAlgorithms");
        Objects.requireNonNull(authProtocols, "authProtocols");
        Objects.requireNonNull(cipherSuites, "cipherSuites");
        Objects.requireNonNull(keyExchangeGroups, "keyExchangeGroups");
        Objects.requireNonNull(hashFunctions, "hashFunctions");
        Objects.requireNonNull(keyPath, "keyPath");
    }
}
