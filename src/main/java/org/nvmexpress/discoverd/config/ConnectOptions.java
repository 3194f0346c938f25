package org.nvmexpress.discoverd.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.nvmexpress.discoverd.tid.TidField;
import org.nvmexpress.discoverd.tid.TransportId;

/**
 * The {@code nvme connect} options for a connection (reference §3.4): the TID's fields in canonical
 * order as {@code --key=value}, then the parameters in first-insertion order. A reset parameter is
 * left out (the kernel default applies); a boolean is a bare {@code --key} when true and left out
 * when false.
 *
 * <p>Where we differ from the C daemon on purpose: {@code persistent} is never emitted (nvme connect
 * has no such option, reference §15 item 25; it is the daemon's DC policy); a persona's host ID is
 * passed as {@code --hostid} without entering the TID (§15 item 26); and secrets are never put into
 * the arguments: they are returned apart, for the caller to hand over as credentials (§15 item 32).
 *
 * @param arguments the options, secrets excluded
 * @param secrets   secret parameters by key, in emission order; never log or print these
 */
public record ConnectOptions(List<String> arguments, Map<FabricsKey, String> secrets) {

    public ConnectOptions {
        arguments = List.copyOf(arguments);
        secrets = Collections.unmodifiableMap(new LinkedHashMap<>(secrets));
    }

    /**
     * @param tid    the connection's TID
     * @param hostid a host ID to pass when the TID carries none (a persona's), or {@code null}
     * @param params the resolved parameters
     */
    public static ConnectOptions of(TransportId tid, String hostid, Params params) {
        Objects.requireNonNull(tid, "tid");
        List<String> args = new ArrayList<>();
        for (TidField field : TidField.values()) {
            String value = field.get(tid);
            if (value != null) {
                args.add("--" + field.key() + "=" + value);
            }
        }
        if (tid.hostid() == null && hostid != null) {
            args.add("--hostid=" + hostid);
        }
        Map<FabricsKey, String> secrets = new LinkedHashMap<>();
        for (Params.Param p : params.entries()) {
            FabricsKey key = p.key();
            if (p.isReset() || key == FabricsKey.PERSISTENT) {
                continue;
            }
            if (key.isSecret()) {
                secrets.put(key, p.value());
            } else if (key.type() == FabricsKey.Type.BOOL) {
                if (ValueSyntax.parseBool(p.value()).orElse(false)) {
                    args.add("--" + key.configName());
                }
            } else {
                args.add("--" + key.configName() + "=" + p.value());
            }
        }
        return new ConnectOptions(args, secrets);
    }

    /** Never shows secret values. */
    @Override
    public String toString() {
        return "ConnectOptions" + arguments + (secrets.isEmpty() ? "" : " + secrets " + secrets.keySet());
    }
}
