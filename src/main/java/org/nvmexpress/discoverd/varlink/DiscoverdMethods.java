package org.nvmexpress.discoverd.varlink;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.nvmexpress.discoverd.daemon.DaemonControl;
import org.nvmexpress.discoverd.daemon.DaemonSnapshot;

/**
 * The methods of {@code org.nvmexpress.discoverd} (VARLINK.md). Read methods answer from
 * {@link DaemonControl#snapshot()} alone, so a read never waits for the loop; {@code Reload} and
 * {@code Retry} need uid 0 and wait for the loop's answer on the caller's own thread.
 */
final class DiscoverdMethods {
    static final String INTERFACE = "org.nvmexpress.discoverd";
    private static final Set<String> ROLES = Set.of("dc", "ioc");
    private static final Set<String> STATES =
            Set.of("connecting", "connected", "backoff", "parked", "excluded", "foreign", "given_up");

    private final DaemonControl daemon;

    DiscoverdMethods(DaemonControl daemon) {
        this.daemon = Objects.requireNonNull(daemon, "daemon");
    }

    Map<String, Method> methods() {
        return Map.of("GetStatus", this::getStatus, "ListControllers", this::listControllers,
                "GetController", this::getController, "Monitor", this::monitor, "Reload", this::reload,
                "Retry", this::retry);
    }

    private Answer getStatus(Call call, Caller caller) throws VarlinkError {
        CallParameters.of(call.parameters(), Set.of());
        ObjectNode reply = ServiceErrors.object();
        reply.set("status", SnapshotJson.status(daemon.snapshot().status()));
        return new Answer.Reply(reply);
    }

    private Answer listControllers(Call call, Caller caller) throws VarlinkError {
        CallParameters p = CallParameters.of(call.parameters(), Set.of("role", "state"));
        Optional<String> role = p.optionalString("role");
        Optional<String> state = p.optionalString("state");
        if (role.isPresent() && !ROLES.contains(role.get())) {
            throw ServiceErrors.invalidParameter("role");
        }
        if (state.isPresent() && !STATES.contains(state.get())) {
            throw ServiceErrors.invalidParameter("state");
        }
        ObjectNode reply = ServiceErrors.object();
        ArrayNode list = reply.putArray("controllers");
        for (DaemonSnapshot.Controller c : daemon.snapshot().controllers()) {
            if (role.map(r -> r.equals(SnapshotJson.role(c.role()))).orElse(true)
                    && state.map(c.state()::equals).orElse(true)) {
                list.add(SnapshotJson.controller(c));
            }
        }
        return new Answer.Reply(reply);
    }

    /** By unit, by device, or by both (then both must match the same controller). */
    private Answer getController(Call call, Caller caller) throws VarlinkError {
        CallParameters p = CallParameters.of(call.parameters(), Set.of("unit", "device"));
        Optional<String> unit = p.optionalString("unit");
        Optional<String> device = p.optionalString("device");
        if (unit.isEmpty() && device.isEmpty()) {
            throw ServiceErrors.invalidParameter("unit");
        }
        // A linear scan: the snapshot is a list, and building an index per call costs as much.
        for (DaemonSnapshot.Controller c : daemon.snapshot().controllers()) {
            if (unit.map(c.unit()::equals).orElse(true) && device.map(d -> c.device().equals(Optional.of(d))).orElse(true)) {
                ObjectNode reply = ServiceErrors.object();
                reply.set("controller", SnapshotJson.controller(c));
                return new Answer.Reply(reply);
            }
        }
        throw ServiceErrors.noSuchController(unit, device);
    }

    private Answer monitor(Call call, Caller caller) throws VarlinkError {
        CallParameters.of(call.parameters(), Set.of());
        if (!call.more()) {
            throw ServiceErrors.expectedMore();
        }
        return new Answer.Events();
    }

    private Answer reload(Call call, Caller caller) throws VarlinkError, InterruptedException {
        CallParameters.of(call.parameters(), Set.of());
        if (!caller.isRoot()) {
            throw ServiceErrors.permissionDenied();
        }
        return reload(daemon);
    }

    /** Reload for both interfaces that offer it, once the caller is known to be allowed. */
    static Answer reload(DaemonControl daemon) throws VarlinkError, InterruptedException {
        DaemonControl.ReloadResult result = await(daemon.reload(), "Reload");
        if (result.failed()) {
            throw ServiceErrors.reloadFailed(result.errors());
        }
        return new Answer.Reply(ServiceErrors.object());
    }

    private Answer retry(Call call, Caller caller) throws VarlinkError, InterruptedException {
        Optional<String> unit = CallParameters.of(call.parameters(), Set.of("unit")).optionalString("unit");
        if (!caller.isRoot()) {
            throw ServiceErrors.permissionDenied();
        }
        try {
            int retried = daemon.retry(unit).get();
            return new Answer.Reply(ServiceErrors.object().put("retried", retried));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof DaemonControl.NoSuchController missing) {
                throw ServiceErrors.noSuchController(Optional.of(missing.unit()), Optional.empty());
            }
            throw new DaemonFailure("Retry", e.getCause());
        }
    }

    private static <T> T await(CompletableFuture<T> future, String method) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw new DaemonFailure(method, e.getCause());
        }
    }
}
