package org.nvmexpress.discoverd.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.nvmexpress.discoverd.ini.CappedDiagnostics;
import org.nvmexpress.discoverd.ini.Diagnostic;
import org.nvmexpress.discoverd.ini.IniLine;
import org.nvmexpress.discoverd.tid.Role;

/**
 * The mutable state of {@link FabricsFileParser} while it walks one file's lines: which section is
 * open and what has been collected so far. Lives only for one parse.
 */
final class FabricsFileBuilder {
    /** What the lines being read belong to. */
    private enum Scope { NONE, IGNORED, DC_DEFAULTS, IOC_DEFAULTS, HOST, ENDPOINT }

    private final String file;
    /** Kept in line order, at most {@link CappedDiagnostics#PER_FILE} of them. */
    private final CappedDiagnostics diagnostics;
    private final List<FabricsFile.Endpoint> endpoints = new ArrayList<>();
    private Scope scope = Scope.NONE;
    private String sectionName;
    private Params dcDefaults = Params.EMPTY;
    private Params iocDefaults = Params.EMPTY;
    private int dcDefaultsLine;
    private int iocDefaultsLine;
    private int hostLine;
    private String hostnqn;
    private String hostid;
    private String hostsymname;
    private Params hostParams = Params.EMPTY;
    private EndpointBuilder endpoint;

    /** An endpoint section being read. */
    private static final class EndpointBuilder {
        final int line;
        final Role role;
        String nqn;
        /** An {@code nqn =} line was written, even if it was invalid (and reported as such). */
        boolean nqnWritten;
        /** A {@code controller =} line was written, even if it was invalid (and reported as such). */
        boolean controllerWritten;
        Params params = Params.EMPTY;
        final List<FabricsFile.ControllerLine> controllers = new ArrayList<>();

        EndpointBuilder(int line, Role role) {
            this.line = line;
            this.role = role;
        }
    }

    FabricsFileBuilder(String file) {
        this.file = file;
        this.diagnostics = new CappedDiagnostics(file);
    }

    void enterSection(IniLine.Section s) {
        closeEndpoint();
        sectionName = s.name();
        Optional<Role> role = FabricsFileParser.endpointRole(s.name());
        if (role.isPresent()) {
            scope = Scope.ENDPOINT;
            endpoint = new EndpointBuilder(s.line(), role.get());
        } else if (FabricsFileParser.DISCOVERY_DEFAULTS.equals(s.name())) {
            scope = Scope.DC_DEFAULTS;
            dcDefaultsLine = warnIfRepeated(s, dcDefaultsLine);
        } else if (FabricsFileParser.IO_DEFAULTS.equals(s.name())) {
            scope = Scope.IOC_DEFAULTS;
            iocDefaultsLine = warnIfRepeated(s, iocDefaultsLine);
        } else if (FabricsFileParser.HOST.equals(s.name())) {
            if (hostLine != 0) {
                error(s.line(), "second [Host] section (the first is at line " + hostLine + "); a file has one persona");
                scope = Scope.IGNORED;
                return;
            }
            scope = Scope.HOST;
            hostLine = s.line();
        } else {
            warning(s.line(), "unknown section [" + s.name() + "] ignored");
            scope = Scope.IGNORED;
        }
    }

    private int warnIfRepeated(IniLine.Section s, int firstLine) {
        if (firstLine != 0) {
            warning(s.line(), "repeated section [" + s.name() + "] (first at line " + firstLine
                    + "): merged, later values win");
            return firstLine;
        }
        return s.line();
    }

    void junk(IniLine.Junk j) {
        if (j.header()) {
            error(j.line(), "malformed section header: '" + j.text() + "'");
            closeEndpoint();
            scope = Scope.NONE;
        } else {
            error(j.line(), "malformed line: " + quotedUnlessSecret(j.text()) + " (expected [Section], key = value or # comment)");
        }
    }

    /**
     * A malformed line may be a secret whose '=' was forgotten ({@code kxchap-secret DHHC-1:...}):
     * such a line is described, never echoed, so the secret stays out of logs and terminals.
     */
    private static String quotedUnlessSecret(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        boolean secret = lower.contains("dhhc-") || lower.contains("nvmetlskey-")
                || Arrays.stream(FabricsKey.values()).anyMatch(k -> k.isSecret() && lower.contains(k.configName()));
        return secret ? "(not shown: it names a secret)" : "'" + text + "'";
    }

    void keyValue(IniLine.KeyValue kv) {
        if (scope == Scope.NONE) {
            error(kv.line(), "key '" + kv.key() + "' outside any section");
            return;
        }
        if (scope == Scope.IGNORED) {
            return;
        }
        Optional<FabricsKey> known = FabricsKey.forName(kv.key());
        if (known.isEmpty()) {
            warning(kv.line(), "unknown key '" + kv.key() + "' ignored");
            return;
        }
        FabricsKey key = known.get();
        if (!allowedHere(key.keyClass())) {
            error(kv.line(), "'" + key.configName() + "' is not valid in section [" + sectionName + "]");
            return;
        }
        if (scope == Scope.ENDPOINT) {
            endpoint.nqnWritten |= key == FabricsKey.NQN;
            endpoint.controllerWritten |= key == FabricsKey.CONTROLLER;
        }
        // Lines are split at LF, so a CR is the only line break a value can hold (reference §8.3:
        // a value with CR or LF is invalid for every key).
        if (kv.value().indexOf('\r') >= 0) {
            error(kv.line(), "value of '" + key.configName() + "' contains a carriage return: a value cannot span lines");
            return;
        }
        switch (key.keyClass()) {
            case IDENTITY, NQN -> identity(kv, key);
            case CONTROLLER -> ControllerLineParser.parse(file, kv.line(), kv.value(), endpoint.role, diagnostics)
                    .ifPresent(endpoint.controllers::add);
            default -> parameter(kv, key);
        }
    }

    private boolean allowedHere(FabricsKey.KeyClass keyClass) {
        switch (scope) {
            case DC_DEFAULTS:
                return keyClass == FabricsKey.KeyClass.TUNABLE || keyClass == FabricsKey.KeyClass.SECURITY
                        || keyClass == FabricsKey.KeyClass.DC_TUNABLE;
            case IOC_DEFAULTS:
                return keyClass == FabricsKey.KeyClass.TUNABLE || keyClass == FabricsKey.KeyClass.SECURITY;
            case HOST:
                return keyClass == FabricsKey.KeyClass.TUNABLE || keyClass == FabricsKey.KeyClass.SECURITY
                        || keyClass == FabricsKey.KeyClass.IDENTITY;
            case ENDPOINT:
                return keyClass != FabricsKey.KeyClass.IDENTITY
                        && (keyClass != FabricsKey.KeyClass.DC_TUNABLE || endpoint.role == Role.DC);
            default:
                return false;
        }
    }

    private void parameter(IniLine.KeyValue kv, FabricsKey key) {
        String invalid = key.checkValue(kv.value());
        if (invalid != null) {
            error(kv.line(), FabricsFileParser.invalidValue(key, kv.value(), invalid));
            return;
        }
        warnIfInlineComment(kv, key);
        switch (scope) {
            case DC_DEFAULTS -> dcDefaults = dcDefaults.with(key, kv.value());
            case IOC_DEFAULTS -> iocDefaults = iocDefaults.with(key, kv.value());
            case HOST -> hostParams = hostParams.with(key, kv.value());
            case ENDPOINT -> endpoint.params = endpoint.params.with(key, kv.value());
            default -> throw new AssertionError(scope);
        }
    }

    /** A free-text value that passed its check keeps what looks like a comment: say so. */
    private void warnIfInlineComment(IniLine.KeyValue kv, FabricsKey key) {
        if (FabricsFileParser.looksLikeInlineComment(kv.value())) {
            warning(kv.line(), "value of '" + key.configName() + "' contains ' #': inline comments are not supported,"
                    + " so it is part of the value");
        }
    }

    private void identity(IniLine.KeyValue kv, FabricsKey key) {
        String invalid = FabricsFileParser.checkIdentity(key, kv.value());
        if (invalid != null) {
            error(kv.line(), invalid);
            return;
        }
        warnIfInlineComment(kv, key);
        String value = kv.value().isEmpty() ? null : kv.value();
        switch (key) {
            case NQN -> endpoint.nqn = value;
            case HOSTNQN -> hostnqn = value;
            case HOSTID -> hostid = value;
            case HOSTSYMNAME -> hostsymname = value;
            default -> throw new AssertionError(key);
        }
    }

    private void closeEndpoint() {
        if (endpoint == null) {
            return;
        }
        // An nqn or controller line that was written but invalid has its own error; the section is
        // not reported again for lacking it.
        if (endpoint.role == Role.IOC && !endpoint.nqnWritten) {
            error(endpoint.line, "[Subsystem] without nqn: every subsystem section names its NQN");
        } else if (!endpoint.controllerWritten) {
            warning(endpoint.line, "[" + sectionName + "] has no controller lines: it connects nothing");
        }
        endpoints.add(new FabricsFile.Endpoint(endpoint.line, endpoint.role, endpoint.nqn, endpoint.params,
                endpoint.controllers));
        endpoint = null;
    }

    FabricsFileParser.Parsed finish() {
        // A section's own findings are known only at its end: the collector puts them in line order.
        closeEndpoint();
        FabricsFile.Host host = hostLine == 0 ? null
                : new FabricsFile.Host(hostLine, hostnqn, hostid, hostsymname, hostParams);
        return new FabricsFileParser.Parsed(new FabricsFile(file, dcDefaults, iocDefaults, host, endpoints),
                diagnostics.toList());
    }

    private void error(int line, String message) {
        diagnostics.add(Diagnostic.error(file, line, message));
    }

    private void warning(int line, String message) {
        diagnostics.add(Diagnostic.warning(file, line, message));
    }
}
