package org.nvmexpress.discoverd.varlink;

import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.nvmexpress.discoverd.config.LogLevel;
import org.nvmexpress.discoverd.daemon.DaemonControl;

/**
 * Routes a call to its method by interface and name. An unknown interface is
 * {@code InterfaceNotFound}, an unknown method of a known one {@code MethodNotFound}. Immutable
 * once built, shared by every connection.
 */
final class Dispatcher {
    private final Map<String, Map<String, Method>> interfaces;

    Dispatcher(Map<String, Map<String, Method>> interfaces) {
        this.interfaces = Map.copyOf(interfaces);
    }

    /** The three interfaces the daemon serves. */
    static Dispatcher forDaemon(DaemonControl daemon, ServiceInfo info, Consumer<LogLevel> threshold) {
        Objects.requireNonNull(daemon, "daemon");
        InterfaceDescriptions descriptions = InterfaceDescriptions.load();
        return new Dispatcher(Map.of(
                VarlinkServiceMethods.INTERFACE,
                new VarlinkServiceMethods(info, () -> daemon.snapshot().status().version(), descriptions).methods(),
                SystemdServiceMethods.INTERFACE, new SystemdServiceMethods(daemon, threshold).methods(),
                DiscoverdMethods.INTERFACE, new DiscoverdMethods(daemon).methods()));
    }

    Answer dispatch(Call call, Caller caller) throws VarlinkError, InterruptedException {
        Map<String, Method> methods = interfaces.get(call.interfaceName());
        if (methods == null) {
            throw ServiceErrors.interfaceNotFound(call.interfaceName());
        }
        Method method = methods.get(call.memberName());
        if (method == null) {
            throw ServiceErrors.methodNotFound(call.method());
        }
        return method.call(call, caller);
    }
}
